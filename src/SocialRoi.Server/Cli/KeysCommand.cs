using System.CommandLine;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Security;
using SocialRoi.Storage;

namespace SocialRoi.Server.Cli;

/// <summary>SPEC §11: socialroi keys create|list|revoke, on the storage every node reads its keys from.</summary>
public static class KeysCommand
{
    public static Command Build(Option<string> storage)
    {
        var scopes = new Option<string>("--scopes") { Description = $"Comma-separated: {string.Join(", ", Scopes.All)}", Required = true };
        var accounts = new Option<string>("--accounts") { Description = "Comma-separated account names, or * for all", Required = true };
        var id = new Argument<string>("id") { Description = "The key's id, as keys list shows it" };

        var create = new Command("create", "Create a key; it is printed once and only its hash is stored") { scopes, accounts, storage };
        create.SetAction((parsed, cancel) => CreateAsync(parsed.GetValue(scopes)!, parsed.GetValue(accounts)!, parsed.GetValue(storage)!, cancel));
        var list = new Command("list", "List the keys: id, scopes, accounts, when created and revoked (never the keys)") { storage };
        list.SetAction((parsed, cancel) => ListAsync(parsed.GetValue(storage)!, cancel));
        var revoke = new Command("revoke", "Revoke a key; every node refuses it within seconds") { id, storage };
        revoke.SetAction((parsed, cancel) => RevokeAsync(parsed.GetValue(id)!, parsed.GetValue(storage)!, cancel));
        return new Command("keys", "Manage API keys (SPEC §11)") { create, list, revoke };
    }

    private static async Task<int> CreateAsync(string scopeList, string accountList, string storageUri, CancellationToken cancellationToken)
    {
        var scopes = Split(scopeList);
        var accounts = Split(accountList);
        var problems = scopes.Where(s => !Scopes.All.Contains(s)).Select(s => $"--scopes: \"{s}\" is not a scope ({string.Join(", ", Scopes.All)})")
            .Concat(accounts.Where(a => a != "*" && !EventReader.IsAccountName(a)).Select(a => $"--accounts: \"{a}\" is not an account name (lower-case, ^[a-z0-9][a-z0-9._-]{{0,63}}$) or *"))
            .ToList();
        if (scopes.Count == 0) problems.Add("--scopes: name at least one scope");
        if (accounts.Count == 0) problems.Add("--accounts: name at least one account, or *");
        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return 2;
        }
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        var key = ApiKeys.Create(scopes, accounts, DateTimeOffset.UtcNow);
        await storage.AddKeyAsync(key.Stored, cancellationToken);
        Console.WriteLine($"""
            Created key {key.Stored.Id} ({string.Join(",", scopes)} on {string.Join(",", accounts)}). Keep it now: it is not shown again.

            {key.Secret}

            Send it as: Authorization: Bearer {key.Secret}
            """);
        return 0;
    }

    private static async Task<int> ListAsync(string storageUri, CancellationToken cancellationToken)
    {
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        Console.WriteLine($"{"id",-12}  {"scopes",-28}  {"accounts",-30}  {"created",-20}  revoked");
        foreach (var key in await storage.ListKeysAsync(cancellationToken))
            Console.WriteLine($"{key.Id,-12}  {string.Join(",", key.Scopes),-28}  {string.Join(",", key.Accounts),-30}  {key.CreatedAt:yyyy-MM-dd HH:mm:ss}Z  {(key.RevokedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss}Z" : "—")}");
        return 0;
    }

    private static async Task<int> RevokeAsync(string id, string storageUri, CancellationToken cancellationToken)
    {
        await using var storage = await StorageUri.OpenAsync(storageUri, cancellationToken);
        if (await storage.RevokeKeyAsync(id, DateTimeOffset.UtcNow, cancellationToken))
        {
            Console.WriteLine($"Revoked key {id}; every node refuses it within seconds.");
            return 0;
        }
        Console.Error.WriteLine($"no active key has id \"{id}\"; socialroi keys list shows the ids");
        return 2;
    }

    private static List<string> Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
