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
# The services' JVM options, the same file the local stack uses (local-stack/BENCHMARK.md, "Light
# services"); the heap is a share of the container's memory limit (JAVA_TOOL_OPTIONS, which the
# Kubernetes ConfigMaps set too).
COPY --from=build /src/ops/jvm/services.options /app/jvm.options
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# Two glibc malloc arenas instead of one per busy thread: less resident memory for native buffers.
ENV MALLOC_ARENA_MAX=2
# A class-data archive, so a start maps parsed classes instead of loading them: one training start
# up to the refreshed application context. There is no broker or database during the build, so a
# context that needs one stops early and the archive covers the classes loaded until then; without
# an archive the service still starts, only slower.
# The token and key below are made up for this start and kept nowhere.
RUN LODESTONE_API_TOKEN=training LODESTONE_ALERT_SECRET_KEYS="training:$(head -c 32 /dev/urandom | base64)" \
    java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh \
        -Dlogging.level.root=WARN -jar /app/app.jar > /tmp/training.log 2>&1 \
      || test -f /app/app.jsa || { echo "no class-data archive made:"; tail -n 20 /tmp/training.log; }; \
    rm -rf /tmp/*
USER 10001:10001
LABEL org.opencontainers.image.title="lodestone/$SERVICE"
ENV SERVER_PORT=$PORT
EXPOSE $PORT
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/app.jsa", "-Xshare:auto", "-jar", "/app/app.jar"]
