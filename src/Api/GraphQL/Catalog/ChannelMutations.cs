using EcomErp.Api.GraphQL.Common;
using EcomErp.Application.Abstractions;
using EcomErp.Application.Catalog.CreateChannel;
using EcomErp.Application.Catalog.ReadModels;
using EcomErp.Application.Catalog.RenameChannel;
using EcomErp.Domain.Access;
using EcomErp.Domain.Catalog;
using EcomErp.Domain.Common;
using GraphQL;
using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Catalog;

public sealed class CreateChannelInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ChannelKind Kind { get; set; }
    public string Currency { get; set; } = "";
}

public sealed class CreateChannelInputType : InputObjectGraphType<CreateChannelInput>
{
    public CreateChannelInputType()
    {
        Name = "CreateChannelInput";
        Description = "A new sales channel; it starts active with the default allocation policy of its kind, which setChannelPolicy then changes.";
        Field<NonNullGraphType<StringGraphType>>("code").Description($"The channel's code, e.g. MKT-OTTO: letters, digits and dashes, at most {ChannelCode.MaxLength}; stored upper case and never changed.");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"Display name, 1 to {Channel.NameMaxLength} characters.");
        Field<NonNullGraphType<ChannelKindType>>("kind").Description("What kind of channel it is; it decides the default policy.");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 code of the currency the channel sells in, e.g. EUR; chosen once.");
    }
}

public sealed class RenameChannelInput
{
    public string Channel { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class RenameChannelInputType : InputObjectGraphType<RenameChannelInput>
{
    public RenameChannelInputType()
    {
        Name = "RenameChannelInput";
        Description = "A channel's new display name; its code stays.";
        Field<NonNullGraphType<StringGraphType>>("channel").Description("The channel's code, e.g. WEB.");
        Field<NonNullGraphType<StringGraphType>>("name").Description($"The new display name, 1 to {Channel.NameMaxLength} characters.");
    }
}

/// <summary>The answer of createChannel and renameChannel: the channel after the change, or why nothing changed.</summary>
public sealed record ChannelPayload(ChannelView? Channel, IReadOnlyList<Error> UserErrors);

public sealed class ChannelPayloadType : ObjectGraphType<ChannelPayload>
{
    public ChannelPayloadType()
    {
        Name = "ChannelPayload";
        Description = "Result of createChannel and renameChannel.";
        Field<ChannelType>("channel").Description("The channel after the mutation; null when it failed.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Expected business failures, one per field at fault; empty on success. Nothing changed when there are any.").Resolve(c => c.Source.UserErrors);
    }
}

public static class ChannelMutations
{
    private static readonly string Needs = $"Needs the '{ApiScopes.CatalogWrite}' scope and the {Roles.Planner} role (granted to the key, or implied by "
        + $"'{ApiScopes.InventoryWrite}'); otherwise NOT_PERMITTED. Never open to keys restricted to channels.";

    public static void AddTo(ObjectGraphType mutation)
    {
        // Neither is opened to partners: which channels exist and what they are called is the business's decision (decision 037).
        mutation.Field<NonNullGraphType<ChannelPayloadType>>("createChannel")
            .Description($"Adds a sales channel, active, with the default policy of its kind; CHANNEL_EXISTS when the code is taken. {Needs}")
            .Argument<NonNullGraphType<CreateChannelInputType>>("input", "The new channel.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.CatalogWrite);
                var input = context.GetArgument<CreateChannelInput>("input");
                return await SendAsync(context, new CreateChannel(caller.Actor(), input.Code, input.Name, input.Kind, input.Currency));
            });

        mutation.Field<NonNullGraphType<ChannelPayloadType>>("renameChannel")
            .Description($"Gives a channel a new display name; CHANNEL_NOT_FOUND for an unknown code, CHANNEL_NAME_UNCHANGED for its current name. {Needs}")
            .Argument<NonNullGraphType<RenameChannelInputType>>("input", "The channel and its new name.")
            .ResolveAsync(async context =>
            {
                var caller = context.RequireScope(ApiScopes.CatalogWrite);
                var input = context.GetArgument<RenameChannelInput>("input");
                return await SendAsync(context, new RenameChannel(caller.Actor(), input.Channel, input.Name));
            });
    }

    private static async Task<object?> SendAsync<TCommand>(IResolveFieldContext context, TCommand command)
    {
        var handler = context.RequestServices!.GetRequiredService<ICommandHandler<TCommand, ChannelView>>();
        var result = await handler.HandleAsync(command, context.CancellationToken);
        return result.IsSuccess ? new ChannelPayload(result.Value, []) : new ChannelPayload(null, result.Errors);
    }
}
