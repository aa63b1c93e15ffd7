# One image per service, built from this repository:
#   docker build --build-arg SERVICE=intake-service -t support-sla/intake-service .
# docker-compose.yml builds all four this way.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN test -n "$SERVICE" || (echo "set --build-arg SERVICE=<module>, e.g. intake-service" && exit 1)
RUN ./mvnw -B -ntp -pl "$SERVICE" -am package -DskipTests \
 && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 app
USER app
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
