using EcomErp.Api.Security;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>
/// The partner rule (decision 013): a key restricted to channels reaches only the root fields that say they serve partners,
/// and those answer with the key's channels alone. Every other root field (the ledger, purchase orders, every inventory
/// write, and whatever is added later without a thought for partners) is refused to such keys before its resolver runs.
/// </summary>
public static class PartnerScope
{
    private const string MetadataKey = "ecomerp:openToPartners";

    /// <summary>
    /// Opens a root field to keys restricted to channels. The field then owes them their channels only: it filters what it
    /// returns with <see cref="CallerContext.MaySee"/>, or refuses another channel with <see cref="CallerContext.RequireChannel"/>.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> OpenToPartners<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[MetadataKey] = true;
        return field;
    }

    /// <summary>Puts the refusal in front of every field of a root type not opened to partners.</summary>
    public static void RefuseUnopenedFields(IComplexGraphType root)
    {
        foreach (var field in root.Fields.Where(f => !f.Metadata.ContainsKey(MetadataKey)))
        {
            if (field.Resolver is { } resolver)
                field.Resolver = new Refusing(resolver, field.Name);
            if (field.StreamResolver is { } streamResolver)
                field.StreamResolver = new RefusingStream(streamResolver, field.Name);
        }
    }

    /// <summary>
    /// The same refusal for a field below the root: a type partners reach (Order) may carry a field that is not theirs (its
    /// finance documents, decision 041), and the root rule cannot see it.
    /// </summary>
    public static void RefuseKeysRestrictedToChannels(this IResolveFieldContext context) => RefusePartner(context, context.FieldDefinition.Name);

    private static void RefusePartner(IResolveFieldContext context, string field)
    {
        if (context.User.ToCaller() is { Channels.Count: > 0 } partner)
            throw new ExecutionError($"'{field}' is not open to keys restricted to channels; this key may reach {string.Join(", ", partner.Channels)} only "
                + "through the orders, availability and position of its channels.") { Code = SchemaErrorCodes.Forbidden };
    }

    private sealed class Refusing(IFieldResolver inner, string field) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            RefusePartner(context, field);
            return inner.ResolveAsync(context);
        }
    }

    private sealed class RefusingStream(ISourceStreamResolver inner, string field) : ISourceStreamResolver
    {
        public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
        {
            RefusePartner(context, field);
            return inner.ResolveAsync(context);
        }
    }
}
