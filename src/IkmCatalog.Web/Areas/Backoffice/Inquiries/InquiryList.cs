using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

/// <summary>The inbox's filters exactly as the query string carries them, before they are read.</summary>
public sealed class InquiryFilterInput
{
    public string? Status { get; set; }

    public string? Product { get; set; }

    public string? Producer { get; set; }

    public string? Country { get; set; }

    /// <summary>An office date, yyyy-MM-dd (what a date input sends).</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>"me" or "none".</summary>
    public string? Assigned { get; set; }
}

/// <summary>The filters once read; dates are the office's calendar days, both inclusive.</summary>
public sealed record InquiryFilter(
    InquiryStatus? Status, int? ProductId, int? ProducerId, string? Country, DateOnly? From, DateOnly? To, string? Assigned)
{
    public const string AssignedToMe = "me";
    public const string Unassigned = "none";

    public bool IsEmpty => this == new InquiryFilter(null, null, null, null, null, null, null);

    /// <summary>
    /// Reads the filters; each value that cannot be read is left out of the filter and named in
    /// <paramref name="errors"/> (field → string key), so the page says so instead of quietly showing everything.
    /// </summary>
    public static InquiryFilter Read(InquiryFilterInput input, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        InquiryStatus? status = null;
        if (Blank(input.Status) is { } s)
        {
            if (Enum.TryParse<InquiryStatus>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !s.Any(char.IsDigit))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = "backoffice.inquiries.filter.error.status";
            }
        }
        var productId = Id(input.Product, "product", errors);
        var producerId = Id(input.Producer, "producer", errors);
        var from = Day(input.From, "from", errors);
        var to = Day(input.To, "to", errors);
        if (from is not null && to is not null && to < from)
        {
            errors["to"] = "backoffice.inquiries.filter.error.range";
            to = null;
        }
        string? assigned = null;
        if (Blank(input.Assigned) is { } a)
        {
            if (a is AssignedToMe or Unassigned)
            {
                assigned = a;
            }
            else
            {
                errors["assigned"] = "backoffice.inquiries.filter.error.assigned";
            }
        }
        return new InquiryFilter(status, productId, producerId, Blank(input.Country), from, to, assigned);
    }

    /// <summary>The inquiries this filter keeps (all statuses when <paramref name="withStatus"/> is false).</summary>
    public IQueryable<Inquiry> Apply(IQueryable<Inquiry> query, OfficeTime time, string? myId, bool withStatus = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(time);
        if (withStatus && Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        if (ProductId is { } product)
        {
            query = query.Where(i => i.Lines.Any(l => l.ProductId == product));
        }
        if (ProducerId is { } producer)
        {
            query = query.Where(i => i.Lines.Any(l => l.ProducerId == producer));
        }
        if (Country is { } country)
        {
            query = query.Where(i => i.Country == country);
        }
        if (From is { } first)
        {
            var start = time.StartOfDayUtc(first);
            query = query.Where(i => i.CreatedAtUtc >= start);
        }
        if (To is { } last)
        {
            var end = time.StartOfDayUtc(last.AddDays(1));
            query = query.Where(i => i.CreatedAtUtc < end);
        }
        if (Assigned == AssignedToMe)
        {
            query = query.Where(i => i.AssignedToId == myId);
        }
        else if (Assigned == Unassigned)
        {
            query = query.Where(i => i.AssignedToId == null);
        }
        return query;
    }

    /// <summary>The filter as query-string pairs, for the pager, the status counts and the export link.</summary>
    public Dictionary<string, string> ToQuery(bool withStatus = true)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withStatus && Status is { } status)
        {
            query["status"] = status.ToString().ToLowerInvariant();
        }
        Add("product", ProductId?.ToString(CultureInfo.InvariantCulture));
        Add("producer", ProducerId?.ToString(CultureInfo.InvariantCulture));
        Add("country", Country);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("assigned", Assigned);
        return query;

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query[key] = value;
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Id(string? value, string field, Dictionary<string, string> errors)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        errors[field] = "backoffice.inquiries.filter.error." + field;
        return null;
    }

    private static DateOnly? Day(string? value, string field, Dictionary<string, string> errors)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = "backoffice.inquiries.filter.error.date";
        return null;
    }
}

/// <summary>One inquiry in the inbox.</summary>
public sealed record InquiryRow(
    int Id,
    string Reference,
    DateTime CreatedAtUtc,
    string BuyerName,
    string? Company,
    string Country,
    string Email,
    string? Phone,
    string Incoterm,
    string Destination,
    IReadOnlyList<InquiryLine> Lines,
    InquiryStatus Status,
    string? AssignedTo,
    DateTime? FirstResponseAtUtc,
    InquiryQuote? LatestQuote)
{
    public TimeSpan? FirstResponse => FirstResponseAtUtc is { } at ? at - CreatedAtUtc : null;

    public string Products => string.Join("; ", Lines.Select(l => $"{l.ProductName} × {l.Quantity.ToString(CultureInfo.InvariantCulture)} {l.Unit}".TrimEnd()));
}

public sealed record FilterChoice(string Value, string Label);

public sealed record InquiryListViewModel(
    IReadOnlyList<InquiryRow> Rows,
    int Page,
    int Pages,
    int Total,
    InquiryFilter Filter,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<InquiryStatus, int> CountByStatus,
    TimeSpan? AverageFirstResponse,
    int Responded,
    IReadOnlyList<FilterChoice> Products,
    IReadOnlyList<FilterChoice> Producers,
    IReadOnlyList<string> Countries);

/// <summary>Reads the inbox: one page of rows, the whole filtered set for the export, and the figures above the list.</summary>
public sealed class InquiryList(IkmDbContext db, OfficeTime time)
{
    public const int PageSize = 30;

    public async Task<InquiryListViewModel> PageAsync(InquiryFilter filter, IReadOnlyDictionary<string, string> errors, string? myId, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter.Apply(db.Inquiries.AsNoTracking(), time, myId);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await RowsAsync(query.OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);

        var counts = await filter.Apply(db.Inquiries.AsNoTracking(), time, myId, withStatus: false)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Averaged here rather than in SQL: date arithmetic differs between SQLite and PostgreSQL.
        var responses = await query.Where(i => i.FirstResponseAtUtc != null)
            .Select(i => new { i.CreatedAtUtc, At = i.FirstResponseAtUtc!.Value }).ToListAsync(cancellationToken);
        TimeSpan? average = responses.Count == 0 ? null : TimeSpan.FromTicks((long)responses.Average(r => (double)(r.At - r.CreatedAtUtc).Ticks));

        var products = (await db.InquiryLines.AsNoTracking().Where(l => l.ProductId != null)
                .GroupBy(l => l.ProductId).Select(g => new { Id = g.Key!.Value, Name = g.Min(l => l.ProductName) }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new FilterChoice(p.Id.ToString(CultureInfo.InvariantCulture), p.Name ?? "")).ToList();
        var producerIds = await db.InquiryLines.AsNoTracking().Where(l => l.ProducerId != null).Select(l => l.ProducerId!.Value).Distinct().ToListAsync(cancellationToken);
        var producers = (await db.Producers.AsNoTracking().Where(p => producerIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new FilterChoice(p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToList();
        var countries = (await db.Inquiries.AsNoTracking().Select(i => i.Country).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.CurrentCultureIgnoreCase).ToList();

        return new InquiryListViewModel(rows, page, pages, total, filter, errors, counts.ToDictionary(c => c.Key, c => c.Count),
            average, responses.Count, products, producers, countries);
    }

    /// <summary>Every inquiry the filter keeps, newest first, for the export.</summary>
    public Task<List<InquiryRow>> AllAsync(InquiryFilter filter, string? myId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return RowsAsync(filter.Apply(db.Inquiries.AsNoTracking(), time, myId).OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id), cancellationToken);
    }

    private async Task<List<InquiryRow>> RowsAsync(IQueryable<Inquiry> query, CancellationToken cancellationToken)
    {
        var inquiries = await query.Include(i => i.Lines).Include(i => i.Quotes).AsSplitQuery().ToListAsync(cancellationToken);
        var assignedIds = inquiries.Where(i => i.AssignedToId != null).Select(i => i.AssignedToId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignedIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, cancellationToken);
        return
        [
            .. inquiries.Select(i => new InquiryRow(
                i.Id, i.Reference, i.CreatedAtUtc, i.BuyerName, i.Company, i.Country, i.Email, i.Phone, i.Incoterm, i.Destination,
                [.. i.Lines.OrderBy(l => l.Id)], i.Status,
                i.AssignedToId is null ? null : names.GetValueOrDefault(i.AssignedToId, i.AssignedToId),
                i.FirstResponseAtUtc,
                i.Quotes.OrderByDescending(q => q.CreatedAtUtc).ThenByDescending(q => q.Id).FirstOrDefault())),
        ];
    }
}
