using EcomErp.Api.GraphQL.Orders;
using EcomErp.Domain.Audit;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One command by a person or an API client: who, what, on what, when, how it ended, and master data and policy before and after.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entry's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Description("When the command was handled.").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<AuditActorType>>("actor").Description("Who sent the command.").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("command").Description("The command's name, for example SetChannelPolicy or RevokeApiClient.").Resolve(c => c.Source.Command);
        Field<AuditSubjectType>("subject").Description("The record the command acts on; null only for an entry that names none.")
            .Resolve(c => c.Source.SubjectKind is null ? null : c.Source);
        Field<NonNullGraphType<AuditOutcomeType>>("outcome").Description("How the command ended.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errorCodes")
            .Description("The error codes of a refusal (see docs/errors.md); empty when it succeeded.").Resolve(c => c.Source.ErrorCodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditedChangeType>>>>("changes")
            .Description("Master-data and policy records the command changed, with their values before and after; secrets are never shown.")
            .Resolve(c => c.Source.Changes);
    }
}

public sealed class AuditActorType : ObjectGraphType<AuditEntry>
{
    public AuditActorType()
    {
        Name = "AuditActor";
        Description = "Who sent an audited command, as they were then.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The actor id: user:… for a person, api-client:… for an API client.").Resolve(c => c.Source.ActorId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The person's or client's name at the time.").Resolve(c => c.Source.ActorName);
        Field<NonNullGraphType<ActorKindType>>("kind").Description("A person or an API client.").Resolve(c => c.Source.ActorKind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles").Description("The roles they acted in.").Resolve(c => c.Source.ActorRoles);
    }
}

public sealed class AuditSubjectType : ObjectGraphType<AuditEntry>
{
    public AuditSubjectType()
    {
        Name = "AuditSubject";
        Description = "The record an audited command acts on.";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("The record's type: Order, ExceptionCase, ApiClient, Channel, PurchaseOrder, Transfer, InventoryBalance…")
            .Resolve(c => c.Source.SubjectKind);
        Field<StringGraphType>("id").Description("Its id or code (SKU/LOCATION for a balance); null when the command would have created it and was refused, or repeated a creation.")
            .Resolve(c => c.Source.SubjectId);
    }
}

public sealed class AuditedChangeType : ObjectGraphType<AuditedChange>
{
    public AuditedChangeType()
    {
        Name = "AuditedChange";
        Description = "What a command did to one master-data or policy record.";
        Field<NonNullGraphType<StringGraphType>>("record").Description("The record's type, for example Channel or ApiClient.").Resolve(c => c.Source.Record);
        Field<NonNullGraphType<StringGraphType>>("key").Description("The record's key: a code or an id.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<AuditedChangeKindType>>("kind").Description("Added, modified or deleted.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditedValueType>>>>("values").Description("The values that changed (all of them for an added or deleted record).")
            .Resolve(c => c.Source.Values);
    }
}

public sealed class AuditedValueType : ObjectGraphType<AuditedValue>
{
    public AuditedValueType()
    {
        Name = "AuditedValue";
        Description = "One value of a record before and after a command, as text.";
        Field<NonNullGraphType<StringGraphType>>("property").Description("The property, dotted for a part (Policy.ShipBySlaHours).").Resolve(c => c.Source.Property);
        Field<StringGraphType>("before").Description("The value before; null when there was none.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("The value after; null when there is none.").Resolve(c => c.Source.After);
    }
}
