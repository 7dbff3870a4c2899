# syntax=docker/dockerfile:1
# One image recipe for every Lodestone service, built from the repository root:
#   docker build --build-arg SERVICE=alert-service --build-arg PORT=8083 -t lodestone/alert-service:0.1.0 .
# SERVICE is the service's Maven module (news-ingest-service, risk-scoring-service, alert-service)
# and PORT its HTTP port (8081, 8082, 8083); `docker compose build` passes both for each service.
ARG SERVICE
ARG PORT

# Stage 1 builds the service's jar with the Maven wrapper and splits it into Spring Boot's layers.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The Maven repository is a BuildKit cache: dependencies are downloaded once, not on every change.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" || { echo "pass --build-arg SERVICE=<service module>" >&2; exit 1; }; \
    ./mvnw -B -q -pl "$SERVICE" -am -DskipTests package \
 && java -Djarmode=tools -jar "$SERVICE/target/$SERVICE.jar" extract --layers \
        --destination /layers --application-filename app.jar

# Stage 2 runs the extracted jar on a JRE as a non-root user.
FROM eclipse-temurin:17.0.15_6-jre-jammy
ARG SERVICE
ARG PORT
RUN test -n "$PORT" || { echo "pass --build-arg PORT=<the service's HTTP port>" >&2; exit 1; }; \
    groupadd --system --gid 10001 lodestone && useradd --system --uid 10001 --gid lodestone lodestone
WORKDIR /app
# One image layer per Spring Boot layer, the one that changes least first: third-party jars are a
# cached layer shared by every build in which no dependency changed; a code change replaces only
# the last, small layer (the service's classes and the project's own modules).
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
LABEL org.opencontainers.image.title="lodestone/$SERVICE"
ENV SERVER_PORT=$PORT
EXPOSE $PORT
# The service's JVM settings (see local-stack/BENCHMARK.md, "Light services"); heap as a share of
# the container's memory limit. JAVA_TOOL_OPTIONS set at run time replaces them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
