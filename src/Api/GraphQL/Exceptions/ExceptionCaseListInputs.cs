using EcomErp.Api.GraphQL.Common;
using EcomErp.Api.GraphQL.Orders;
using EcomErp.Application.Exceptions;
using EcomErp.Domain.Exceptions;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Exceptions;

public sealed class ExceptionCaseFilterInput
{
    public List<ExceptionType>? Types { get; set; }
    public List<ExceptionCaseStatus>? Statuses { get; set; }
    public List<string>? Queues { get; set; }
    public bool? AssignedToMe { get; set; }
    public bool? Overdue { get; set; }
    public string? Channel { get; set; }

    /// <param name="callerId">The caller's actor id, which "assigned to me" stands for.</param>
    public ExceptionCaseFilter ToFilter(string callerId) =>
        new(Types, Statuses, Queues, AssignedToMe == true ? callerId : null, Overdue, Channel?.Trim().ToUpperInvariant());
}

public sealed class ExceptionCaseFilterInputType : InputObjectGraphType<ExceptionCaseFilterInput>
{
    public ExceptionCaseFilterInputType()
    {
        Name = "ExceptionCaseFilter";
        Description = "Narrows a case list; every given criterion must hold.";
        Field<ListGraphType<NonNullGraphType<ExceptionTypeType>>>("types").Description("Only cases of one of these types.");
        Field<ListGraphType<NonNullGraphType<ExceptionCaseStatusType>>>("statuses").Description("Only cases in one of these states.");
        Field<ListGraphType<NonNullGraphType<RoleType>>>("queues").Description("Only cases in one of these queues (within the queues the caller sees).");
        Field<BooleanGraphType>("assignedToMe").Description("True: only the cases assigned to the calling key. False or left out: anyone's.");
        Field<BooleanGraphType>("overdue").Description("True: only open cases past their due time; false: only the others.");
        Field<StringGraphType>("channel").Description("Only the cases of this channel code.");
    }
}

public sealed class ExceptionCaseSortInputType() : SortInputType<ExceptionCaseSortField, ExceptionCaseSortFieldType>("ExceptionCaseSort", "a case list", "id", Default)
{
    public static readonly SortInput<ExceptionCaseSortField> Default = new() { Field = ExceptionCaseSortField.DueAt, Direction = SortDirection.Asc };
}
