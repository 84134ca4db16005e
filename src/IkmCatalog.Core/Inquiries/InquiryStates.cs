namespace IkmCatalog.Inquiries;

/// <summary>
/// Which status an inquiry may move to from which, in one place: the inbox offers only these moves and refuses the
/// rest. Forwarding and quoting happen while the inquiry is open; won and lost follow a quote or a forward; an
/// officer may close anything still open and reopen what was closed.
/// </summary>
public static class InquiryStates
{
    private static readonly Dictionary<InquiryStatus, InquiryStatus[]> Moves = new()
    {
        [InquiryStatus.New] = [InquiryStatus.Forwarded, InquiryStatus.Quoted, InquiryStatus.Closed],
        [InquiryStatus.Forwarded] = [InquiryStatus.Forwarded, InquiryStatus.Quoted, InquiryStatus.Won, InquiryStatus.Lost, InquiryStatus.Closed],
        [InquiryStatus.Quoted] = [InquiryStatus.Forwarded, InquiryStatus.Quoted, InquiryStatus.Won, InquiryStatus.Lost, InquiryStatus.Closed],
        [InquiryStatus.Won] = [],
        [InquiryStatus.Lost] = [],
        [InquiryStatus.Closed] = [],
    };

    /// <summary>The statuses an officer sets by hand (forwarding and quoting set theirs by doing them).</summary>
    public static readonly IReadOnlyList<InquiryStatus> Outcomes = [InquiryStatus.Won, InquiryStatus.Lost, InquiryStatus.Closed];

    public static bool CanMove(InquiryStatus from, InquiryStatus to) => Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>Still being worked on: the office can forward, quote and reply.</summary>
    public static bool IsOpen(InquiryStatus status) => status is InquiryStatus.New or InquiryStatus.Forwarded or InquiryStatus.Quoted;

    public static bool CanReopen(InquiryStatus status) => status == InquiryStatus.Closed;

    /// <summary>
    /// Where a closed inquiry goes back to: quoted once it has a quote, forwarded once it was forwarded, else new.
    /// A forward keeps the status it had (forwarding again to a second producer does not undo a quote).
    /// </summary>
    public static InquiryStatus Reopened(bool hasQuote, bool wasForwarded) =>
        hasQuote ? InquiryStatus.Quoted : wasForwarded ? InquiryStatus.Forwarded : InquiryStatus.New;

    /// <summary>The status after forwarding: a new inquiry becomes forwarded, a quoted one stays quoted.</summary>
    public static InquiryStatus AfterForward(InquiryStatus from) => from == InquiryStatus.New ? InquiryStatus.Forwarded : from;
}
