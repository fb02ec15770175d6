namespace SocialRoi.Grains.Hosting;

/// <summary>One live instance of a grain with its mailbox: calls enter one at a time.</summary>
internal sealed class GrainActivation<TGrain>(TGrain grain, long createdAt) where TGrain : Grain
{
    public TGrain Grain { get; } = grain;
    public SemaphoreSlim Mailbox { get; } = new(1, 1);
    public bool IsActivated { get; set; }
    public bool IsDeactivated { get; set; }
    public long LastUsed { get; set; } = createdAt;
}
