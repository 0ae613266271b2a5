# syntax=docker/dockerfile:1
# The EcomErp host image. One image, three roles: docker-compose.yml runs it as api, admin and worker.

# The GraphQL IDE's bundle (GraphiQL from npm, src/Api/GraphiQL): the SDK image has no Node, so it is built here and
# copied in, and the .NET build is told not to build it again.
FROM node:20-bookworm-slim AS ide
WORKDIR /ide
COPY src/Api/GraphiQL/package.json src/Api/GraphiQL/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY src/Api/GraphiQL/ ./
RUN npm run --silent build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Project files first so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/EcomErp.Domain.csproj src/Domain/
COPY src/Application/EcomErp.Application.csproj src/Application/
COPY src/Infrastructure/EcomErp.Infrastructure.csproj src/Infrastructure/
COPY src/Admin/EcomErp.Admin.csproj src/Admin/
COPY src/Api/EcomErp.Api.csproj src/Api/
RUN dotnet restore src/Api/EcomErp.Api.csproj

COPY src/ src/
COPY --from=ide /ide/dist src/Api/GraphiQL/dist
RUN dotnet publish src/Api/EcomErp.Api.csproj --configuration Release --no-restore -p:BuildGraphQLIde=false --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the container health check (the runtime image has no HTTP client).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl --fail --silent --output /dev/null http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "EcomErp.Api.dll"]
