using EcomErp.Api.GraphQL.Common;
using EcomErp.Domain.Audit;
using EcomErp.Domain.Common;

namespace EcomErp.Api.GraphQL.Audit;

public sealed class AuditOutcomeType() : DescribedEnumType<AuditOutcome>("AuditOutcome",
    "How an audited command ended.",
    new Dictionary<AuditOutcome, string>
    {
        [AuditOutcome.Succeeded] = "Its changes were saved, in the same transaction as the entry.",
        [AuditOutcome.Refused] = "It was refused (bad input, not permitted, a conflict) and changed nothing; errorCodes say why.",
    });

public sealed class ActorKindType() : DescribedEnumType<ActorKind>("ActorKind",
    "Who acts: a person, an API client or EcomErp itself.",
    new Dictionary<ActorKind, string>
    {
        [ActorKind.Person] = "A person signed in to the admin (actor id user:…).",
        [ActorKind.ApiClient] = "An API client with a key (actor id api-client:…).",
        [ActorKind.System] = "EcomErp's own automation and jobs.",
    });

public sealed class AuditedChangeKindType() : DescribedEnumType<AuditedChangeKind>("AuditedChangeKind",
    "What a command did to one master-data or policy record.",
    new Dictionary<AuditedChangeKind, string>
    {
        [AuditedChangeKind.Added] = "The record was created; 'after' holds each of its values.",
        [AuditedChangeKind.Modified] = "Values changed; each changed value with its 'before' and 'after'.",
        [AuditedChangeKind.Deleted] = "The record was removed; 'before' holds each of its values.",
    });
