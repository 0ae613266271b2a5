using EcomErp.Api.GraphQL;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddErpGraphQL(builder.Configuration);
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
app.MapErpGraphQL();

app.Run();
