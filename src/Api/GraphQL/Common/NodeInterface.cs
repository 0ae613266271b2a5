using GraphQL.Types;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>Relay's global object identification: every type with an id clients refetch by (decision 016).</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with an id that is unique across every type: refetch it with node(id) or nodes(ids).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's id, unique across types.");
    }
}
