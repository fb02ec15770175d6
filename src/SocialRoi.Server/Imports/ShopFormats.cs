using System.Text.Json.Nodes;

namespace SocialRoi.Server.Imports;

/// <summary>
/// Shopify's order export (Admin → Orders → Export): one row per line item, the order's figures on
/// its first row only. Paid orders are purchases of their Total; a Refunded Amount is a refund.
/// </summary>
public sealed class ShopifyOrders : ImportFormat
{
    private static readonly HashSet<string> Paid = ["paid", "partially_paid", "partially_refunded", "refunded"];

    public override string Name => "shopify-orders";

    public override IReadOnlyList<string> RequiredColumns => ["Name", "Email", "Financial Status", "Paid at", "Currency", "Total", "Created at", "Lineitem quantity"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        // Further line items of an order repeat its Name with the order's own columns left empty.
        if (row["Total"].Length == 0 || !Paid.Contains(row["Financial Status"].ToLowerInvariant())) yield break;
        var order = $"shopify:{row["Name"]}";
        var at = Cells.Instant(row, row["Paid at"].Length > 0 ? "Paid at" : "Created at");
        // A guest order without e-mail or phone still counts, under a customer id made from the order name.
        var customer = Customer(row, context, "Email", "Phone") ?? $"shopify-order:{row["Name"]}";
        yield return Event(context, "purchase", order, at,
            ("customer", customer), ("amount", Cells.Amount(row, "Total", context.DecimalComma)), ("currency", Currency(row, "Currency")));
        if (Cells.OptionalAmount(row, "Refunded Amount", context.DecimalComma) is > 0 and var refunded)
            yield return Event(context, "refund", order + ":refund", row["Cancelled at"].Length > 0 ? Cells.Instant(row, "Cancelled at") : at,
                ("ref", order), ("amount", refunded), ("currency", Currency(row, "Currency")));
    }
}

/// <summary>
/// WooCommerce orders as the common order-export plugins write them: completed and processing
/// orders are purchases of their Order Total Amount, refunded amounts are refunds; an order spread
/// over several item rows counts once.
/// </summary>
public sealed class WooCommerceOrders : ImportFormat
{
    private static readonly HashSet<string> Paid = ["completed", "processing", "refunded"];

    public override string Name => "woocommerce-orders";

    public override IReadOnlyList<string> RequiredColumns => ["Order Number", "Order Status", "Order Date", "Order Total Amount"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        if (!Paid.Contains(row["Order Status"].ToLowerInvariant().Replace("wc-", ""))) yield break;
        var order = $"woocommerce:{row["Order Number"]}";
        var at = Cells.Instant(row, "Order Date");
        var currency = row.Has("Order Currency") && row["Order Currency"].Length > 0 ? Currency(row, "Order Currency") : null;
        var customer = Customer(row, context, "Email (Billing)", "Phone (Billing)") ?? $"woocommerce-order:{row["Order Number"]}";
        yield return Event(context, "purchase", order, at,
            ("customer", customer), ("amount", Cells.Amount(row, "Order Total Amount", context.DecimalComma)), ("currency", currency));
        if (Cells.OptionalAmount(row, "Order Refund Amount", context.DecimalComma) is { } refunded && refunded != 0)
            yield return Event(context, "refund", order + ":refund", at, ("ref", order), ("amount", Math.Abs(refunded)), ("currency", currency));
    }
}

/// <summary>Stripe's payments export (Dashboard → Payments → Export): captured, paid payments are purchases; Amount Refunded is a refund.</summary>
public sealed class StripePayments : ImportFormat
{
    private static readonly HashSet<string> Paid = ["paid", "refunded", "partially refunded", "succeeded"];

    public override string Name => "stripe-payments";

    public override IReadOnlyList<string> RequiredColumns => ["id", "Created (UTC)", "Amount", "Currency", "Status"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        if (!Paid.Contains(row["Status"].ToLowerInvariant()) || row["Captured"].Equals("false", StringComparison.OrdinalIgnoreCase)) yield break;
        var payment = $"stripe:{row["id"]}";
        var at = Cells.Instant(row, "Created (UTC)");
        var customer = Customer(row, context, "Customer Email", "Customer Phone") ?? $"stripe-customer:{(row["Customer ID"] is { Length: > 0 } id ? id : row["id"])}";
        yield return Event(context, "purchase", payment, at,
            ("customer", customer), ("amount", Cells.Amount(row, "Amount", context.DecimalComma)), ("currency", Currency(row, "Currency")));
        if (Cells.OptionalAmount(row, "Amount Refunded", context.DecimalComma) is > 0 and var refunded)
            yield return Event(context, "refund", payment + ":refund", at, ("ref", payment), ("amount", refunded), ("currency", Currency(row, "Currency")));
    }
}
