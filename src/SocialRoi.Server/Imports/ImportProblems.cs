namespace SocialRoi.Server.Imports;

/// <summary>A file that is not the stated format at all: refused whole, naming what is missing.</summary>
public sealed class UnrecognisedFileException(string message) : Exception(message);

/// <summary>One data row that cannot become events: the column, the value and the rule it breaks.</summary>
public sealed class RowProblem(string column, string value, string rule) : Exception($"column \"{column}\" value \"{value}\": {rule}");
