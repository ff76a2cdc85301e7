package dev.auditsdk.testkit.jitterbit;

import java.time.Instant;
import java.util.Objects;

/**
 * One API Manager API log record held by the {@link JitterbitSimulator}: the twelve columns
 * the Jitterbit API Manager Log Service exports (time, apiname, envname, authprofile,
 * requestid, requestmethod, requesturi, responsetime, sourceip, sourceapp, statuscode, message).
 */
public final class ApiLogRecord {
    private final Instant time;
    private final String apiName;
    private final String envName;
    private final String authProfile;
    private final String requestId;
    private final String requestMethod;
    private final String requestUri;
    private final long responseTime;
    private final String sourceIp;
    private final String sourceApp;
    private final int statusCode;
    private final String message;

    private ApiLogRecord(Builder b) {
        this.time = Objects.requireNonNull(b.time, "time");
        this.requestId = Objects.requireNonNull(b.requestId, "requestId");
        this.apiName = nullToEmpty(b.apiName);
        this.envName = nullToEmpty(b.envName);
        this.authProfile = nullToEmpty(b.authProfile);
        this.requestMethod = nullToEmpty(b.requestMethod);
        this.requestUri = nullToEmpty(b.requestUri);
        this.responseTime = b.responseTime;
        this.sourceIp = nullToEmpty(b.sourceIp);
        this.sourceApp = nullToEmpty(b.sourceApp);
        this.statusCode = b.statusCode;
        this.message = nullToEmpty(b.message);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return when the API call happened */
    public Instant time() {
        return time;
    }

    /** @return the API Manager API's name */
    public String apiName() {
        return apiName;
    }

    /** @return the environment the API is published in */
    public String envName() {
        return envName;
    }

    /** @return the security profile the call used */
    public String authProfile() {
        return authProfile;
    }

    /** @return the request id, unique per record */
    public String requestId() {
        return requestId;
    }

    /** @return the HTTP method of the call */
    public String requestMethod() {
        return requestMethod;
    }

    /** @return the request URI of the call */
    public String requestUri() {
        return requestUri;
    }

    /** @return the response time in milliseconds */
    public long responseTime() {
        return responseTime;
    }

    /** @return the caller's IP address */
    public String sourceIp() {
        return sourceIp;
    }

    /** @return the calling application */
    public String sourceApp() {
        return sourceApp;
    }

    /** @return the HTTP status code of the response */
    public int statusCode() {
        return statusCode;
    }

    /** @return the log message (only exported with {@code retrieveLogMessages=true}) */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "ApiLogRecord{" + requestId + " " + time + " " + requestMethod + " " + requestUri + " " + statusCode + "}";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Builds an {@link ApiLogRecord}; {@code time} and {@code requestId} are required. */
    public static final class Builder {
        private Instant time;
        private String apiName;
        private String envName;
        private String authProfile;
        private String requestId;
        private String requestMethod;
        private String requestUri;
        private long responseTime;
        private String sourceIp;
        private String sourceApp;
        private int statusCode;
        private String message;

        private Builder() {
        }

        /**
         * @param time when the call happened
         * @return this builder
         */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /**
         * @param apiName the API's name
         * @return this builder
         */
        public Builder apiName(String apiName) {
            this.apiName = apiName;
            return this;
        }

        /**
         * @param envName the environment's name
         * @return this builder
         */
        public Builder envName(String envName) {
            this.envName = envName;
            return this;
        }

        /**
         * @param authProfile the security profile's name
         * @return this builder
         */
        public Builder authProfile(String authProfile) {
            this.authProfile = authProfile;
            return this;
        }

        /**
         * @param requestId the unique request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * @param requestMethod the HTTP method
         * @return this builder
         */
        public Builder requestMethod(String requestMethod) {
            this.requestMethod = requestMethod;
            return this;
        }

        /**
         * @param requestUri the request URI
         * @return this builder
         */
        public Builder requestUri(String requestUri) {
            this.requestUri = requestUri;
            return this;
        }

        /**
         * @param responseTime the response time in milliseconds
         * @return this builder
         */
        public Builder responseTime(long responseTime) {
            this.responseTime = responseTime;
            return this;
        }

        /**
         * @param sourceIp the caller's IP address
         * @return this builder
         */
        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /**
         * @param sourceApp the calling application
         * @return this builder
         */
        public Builder sourceApp(String sourceApp) {
            this.sourceApp = sourceApp;
            return this;
        }

        /**
         * @param statusCode the HTTP status code of the response
         * @return this builder
         */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * @param message the log message
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** @return the record */
        public ApiLogRecord build() {
            return new ApiLogRecord(this);
        }
    }
}
