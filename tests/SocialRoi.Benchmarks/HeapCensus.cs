using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace SocialRoi.Benchmarks;

/// <summary>
/// Where target 4's bytes are: accounts of the memory benchmark's size (50,000 events each) built
/// in this process as an activation builds them, then every object on the heap summed by type,
/// per event, on a snapshot of the process after full collections. Also the free space between
/// objects, which the memory benchmark's figure (GC.GetTotalMemory) leaves out.
/// Run: dotnet run -c Release --project tests/SocialRoi.Benchmarks -- heap
/// </summary>
public static class HeapCensus
{
    private const int TypesShown = 25;

    public static void Run(BenchmarkOptions options)
    {
        var (accounts, perAccount) = options.Smoke ? (2, 5_000) : (20, 50_000);
        var histories = Enumerable.Range(0, accounts).Select(a =>
        {
            var history = SyntheticAccount.History($"acct-{a:D3}", perAccount);
            _ = history.Index;
            return history;
        }).ToList();
        double events = accounts * perAccount;
        Console.WriteLine($"{accounts} accounts of {perAccount:N0} events; GC.GetTotalMemory: {GC.GetTotalMemory(forceFullCollection: true) / events:N1} bytes per event");

        // A snapshot (a forked copy of this process) is read, so the heap does not change while it is walked.
        using var target = DataTarget.CreateSnapshotAndAttach(Environment.ProcessId);
        using var runtime = target.ClrVersions[0].CreateRuntime(DataAccessLibrary(), ignoreMismatch: true);
        var byType = new Dictionary<string, (long Objects, long Bytes)>();
        long free = 0;
        foreach (var o in runtime.Heap.EnumerateObjects())
        {
            if (!o.IsValid) continue;
            if (o.IsFree) { free += (long)o.Size; continue; }
            var name = o.Type?.Name ?? "?";
            var (objects, bytes) = byType.GetValueOrDefault(name);
            byType[name] = (objects + 1, bytes + (long)o.Size);
        }
        Console.WriteLine("| type | objects | bytes per event |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, (objects, bytes)) in byType.OrderByDescending(t => t.Value.Bytes).Take(TypesShown))
            Console.WriteLine($"| {name} | {objects:N0} | {bytes / events:N1} |");
        Console.WriteLine($"| every object | {byType.Values.Sum(t => t.Objects):N0} | {byType.Values.Sum(t => t.Bytes) / events:N1} |");
        Console.WriteLine($"| free space between objects | — | {free / events:N1} |");
        GC.KeepAlive(histories);
    }

    // The runtime's own data access library, beside it: ClrMD downloads none on this platform.
    private static string DataAccessLibrary() => Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(),
        OperatingSystem.IsWindows() ? "mscordaccore.dll" : OperatingSystem.IsMacOS() ? "libmscordaccore.dylib" : "libmscordaccore.so");
}
