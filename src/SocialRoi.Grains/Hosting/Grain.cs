namespace SocialRoi.Grains.Hosting;

/// <summary>Base of every grain, shaped like Orleans' Grain: activation and deactivation hooks.</summary>
public abstract class Grain
{
    private Action? _deactivate;

    public string GrainId { get; private set; } = "";

    /// <summary>Runs once before the activation's first call: load state here.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected or the host stops: flush state here.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>As in Orleans: drop this activation; the next call activates the grain afresh from storage.</summary>
    protected void DeactivateOnIdle() => _deactivate?.Invoke();

    internal void Attach(string grainId, Action deactivate)
    {
        GrainId = grainId;
        _deactivate = deactivate;
    }
}
