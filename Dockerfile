# The shop as a container image. Build the jar first (./mvnw -DskipTests package), then: docker build -t rivendo .
# (Without a Dockerfile, Spring Boot's buildpacks work too: ./mvnw spring-boot:build-image)
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 rivendo
WORKDIR /app
COPY target/rivendo-*.jar /app/rivendo.jar
USER rivendo
EXPOSE 8080
# Heap from the container's memory limit; SIGTERM gives a graceful shutdown (server.shutdown=graceful)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/rivendo.jar"]
