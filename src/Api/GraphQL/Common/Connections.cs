using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace EcomErp.Api.GraphQL.Common;

/// <summary>One page of a list as every connection in the schema answers it: edges with cursors, the nodes, page info, total.</summary>
public sealed record ConnectionPage(IReadOnlyList<ConnectionEdge> Edges, PageInfo PageInfo, int TotalCount)
{
    /// <summary>A page of <paramref name="nodes"/> in the order the store returned them (oldest-first or newest-first as sorted).</summary>
    public static ConnectionPage Of<T>(IReadOnlyList<T> nodes, Func<int, string> cursorAt, bool hasNextPage, bool hasPreviousPage, int totalCount)
        where T : notnull
    {
        var edges = new ConnectionEdge[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            edges[i] = new ConnectionEdge(cursorAt(i), nodes[i]);
        return new ConnectionPage(edges, new PageInfo
        {
            HasNextPage = hasNextPage,
            HasPreviousPage = hasPreviousPage,
            StartCursor = edges.Length > 0 ? edges[0].Cursor : null,
            EndCursor = edges.Length > 0 ? edges[^1].Cursor : null,
        }, totalCount);
    }
}

public sealed record ConnectionEdge(string Cursor, object Node);

/// <summary>
/// The one connection shape of the schema (GitHub's): <c>edges</c> for clients that page by cursor, <c>nodes</c> for those
/// that only want the items, <c>pageInfo</c> and <c>totalCount</c>. Named after the node type: <c>OrderConnection</c>.
/// </summary>
public sealed class ConnectionGraphType<TNodeType> : ObjectGraphType<ConnectionPage>
    where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = node + "Connection";
        Description = $"A page of {node} items, with cursors to page on in either direction.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType>>>>>("edges")
            .Description("The items of the page with their cursors, in list order.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of the page, in list order, for clients that need no cursor per item.")
            .Resolve(c => c.Source.Edges.Select(edge => edge.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where the page lies in the whole list.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Items in the whole list with the same arguments, ignoring paging.")
            .Resolve(c => c.Source.TotalCount);
    }
}

public sealed class EdgeGraphType<TNodeType> : ObjectGraphType<ConnectionEdge>
    where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = node + "Edge";
        Description = $"One {node} in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass it as 'after' or 'before' to page from this item.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description($"The {node}.").Resolve(c => c.Source.Node);
    }
}
