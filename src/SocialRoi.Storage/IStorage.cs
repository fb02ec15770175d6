using SocialRoi.Domain.Persistence;

namespace SocialRoi.Storage;

/// <summary>One opened store: the event log and grain state live side by side in it.</summary>
public interface IStorage : IEventLog, IGrainStorage, IAsyncDisposable
{
    /// <summary>Where the data lives, for start-up messages (never includes a password).</summary>
    string Description { get; }
}
