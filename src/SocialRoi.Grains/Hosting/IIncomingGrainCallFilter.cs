namespace SocialRoi.Grains.Hosting;

/// <summary>One grain call as a filter sees it, shaped like Orleans' IIncomingGrainCallContext.</summary>
public interface IIncomingGrainCallContext
{
    string GrainId { get; }
    string MethodName { get; }
    /// <summary>Runs the rest of the pipeline and the grain method.</summary>
    Task Invoke();
}

/// <summary>The one hook every grain call passes through (metrics, logging), as in Orleans.</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
