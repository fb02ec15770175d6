using System.Globalization;

namespace SocialRoi.Domain.Health;

/// <summary>What each check's figure means, how it compares with the usual advice, and what to do — in a marketer's words.</summary>
public static class HealthMessages
{
    public static string For(string id, double? value, HealthStatus status)
    {
        if (value is not { } v) return Unknown(id);
        var good = status == HealthStatus.Ok;
        return id switch
        {
            "no-goals" => good
                ? $"{v:0} goal(s) cover the last 90 days: you know what success looks like. Review them each quarter."
                : "No goal covers the last 90 days, so nobody can say whether social media is working. Set one or two measurable goals (for example ROI or new customers) with PUT …/goals.",
            "posting-consistency" => $"You posted in {Percent(v)} of the last 13 weeks. " + (good
                ? "Steady, like a marathon runner. Keep the rhythm."
                : "Audiences and algorithms reward a steady rhythm over bursts: plan a few posts a week you can sustain."),
            "posting-decay" => $"You posted {Times(v)} as much in the last 45 days as in the 45 before. " + (good
                ? "Your pace is holding."
                : "Posting is fading after a sprint: set a pace you can keep and schedule ahead."),
            "over-posting" => $"On your busiest platform you post {v:0.#} times a day on the days you post; the usual advice is no more than 2–3. " + (good
                ? "That is within it."
                : "Fewer, better posts tire followers less: spread them out or cut the weakest."),
            "self-promotion" => $"{Percent(v)} of your posts promote the business itself; keep it under 20 %. " + (good
                ? "You give more than you ask."
                : "Share more that helps or entertains your audience and less that sells."),
            "response-rate" => $"You answered {Percent(v)} of comments, mentions and messages; brands ignore about 70 % of them. " + (good
                ? "Keep answering."
                : "Answer every question and complaint: each unanswered one is a customer walking away."),
            "response-time" => $"Half your first answers came within {Minutes(v)}; the target is 10–30 minutes, where brands average about 24 hours. " + (good
                ? "Fast enough."
                : "Set alerts and give someone the inbox during business hours."),
            "ignored-complaints" => $"{v:0} negative comment(s), mention(s) or message(s) older than a day have no answer. " + (good
                ? "None left waiting."
                : "Answer them today, in public where they were made, and fix what caused them."),
            "over-automation" => $"{Percent(v)} of your replies were sent by a bot or auto-responder. " + (good
                ? "People still hear from people."
                : "Automation feels cold: let people write the answers that matter."),
            "talk-vs-listen" => $"You sent {v:0.##} replies per post. " + (good
                ? "You listen as much as you talk."
                : "You talk more than you listen: answer and join conversations before posting more."),
            "negative-tone" => $"{Percent(v)} of your replies were negative in tone. " + (good
                ? "Your tone stays constructive."
                : "Arguing in public costs more than it wins: answer calmly, take disputes to private messages."),
            "repeated-content" => $"One piece of content was posted {v:0} times on the same platform. " + (good
                ? "Repeats stay rare."
                : "Followers notice repeats: refresh or retire content instead of reposting it."),
            "same-everywhere" => $"{Percent(v)} of your content went out on 3 or more platforms unchanged. " + (good
                ? "You adapt content to each platform."
                : "Each platform has its own audience and format: adapt the post to each one."),
            "vanity-audience" => $"{Percent(v)} of the people active with you only liked or followed. " + (good
                ? "A real share of them talk, ask and buy."
                : "Likes and followers are not customers: invite replies, answer them, and give people a reason to click through."),
            "roi-unmeasurable" => good
                ? $"{v:0} cost entries in the last 90 days: ROI can be measured."
                : "No costs were recorded in the last 90 days, so ROI cannot be measured. Record ad spend, staff time, tools, agency and content costs as cost events.",
            "hidden-costs" => $"Staff and content are {Percent(v)} of your recorded costs. " + (good
                ? "Your costs look complete."
                : "Staff time and content production are the costs most often left out: record them, or ROI looks better than it is."),
            "owned-assets" => $"{Percent(v)} of clicks landed on assets you own (site, blog, newsletter). " + (good
                ? "You turn attention into relationships you control."
                : "Platforms own your audience: send people to your site or newsletter, where you can reach them again."),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no message for this check"),
        };
    }

    private static string Unknown(string id) => id switch
    {
        "posting-consistency" or "over-posting" or "self-promotion" or "talk-vs-listen" =>
            "No posts in the last 90 days, so this cannot be judged. Post regularly, then check again.",
        "posting-decay" => "No posts in the older half of the last 90 days, so a slowdown cannot be judged yet.",
        "response-rate" or "ignored-complaints" => "No comments, mentions or messages in the last 90 days: nothing to answer yet.",
        "response-time" => "No comment, mention or message of the last 90 days was answered, so there is no response time. Start answering.",
        "over-automation" or "negative-tone" => "You sent no replies in the last 90 days, so this cannot be judged.",
        "repeated-content" or "same-everywhere" => "No post of the last 90 days carries a contentHash, so repeats cannot be seen. Send contentHash with your posts.",
        "vanity-audience" => "Nobody was active with you in the last 90 days: there is no audience to judge yet.",
        "hidden-costs" => "No costs were recorded in the last 90 days, so their completeness cannot be judged.",
        "owned-assets" => "No clicks in the last 90 days, so this cannot be judged.",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "this check is never unknown"),
    };

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Times(double ratio) => ratio.ToString("0.##", CultureInfo.InvariantCulture) + " times";

    private static string Minutes(double minutes) => minutes < 120
        ? minutes.ToString("0.#", CultureInfo.InvariantCulture) + " minutes"
        : (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " hours";
}
