package dev.auditsdk.informatica;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.auditsdk.core.auth.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The answer of the v3 login ({@code POST /saas/public/core/v3/login}): {@code userInfo}
 * ({@link UserInfo}: the session id and the user) and {@code products} ({@link Product}: each
 * licensed product with its {@code baseApiUrl}). Calls go to the first product's
 * {@code baseApiUrl}, as documented ({@code products[0].baseApiUrl}). Other fields are ignored.
 * {@link #toString()} never shows the session id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class V3LoginAnswer implements LoginAnswer {
    private final Optional<UserInfo> userInfo;
    private final List<Product> products;

    /**
     * @param userInfo the {@code userInfo} object, or null if absent
     * @param products the {@code products} array, or null if absent
     */
    @JsonCreator
    public V3LoginAnswer(@JsonProperty("userInfo") UserInfo userInfo, @JsonProperty("products") List<Product> products) {
        this.userInfo = Optional.ofNullable(userInfo);
        this.products = products == null ? List.of() : List.copyOf(products);
    }

    /** @return the {@code userInfo} object */
    public Optional<UserInfo> userInfo() {
        return userInfo;
    }

    /** @return the {@code products}, in the answer's order */
    public List<Product> products() {
        return products;
    }

    @Override
    public Optional<Secret> sessionId() {
        return userInfo.flatMap(UserInfo::sessionId);
    }

    @Override
    public Optional<String> serverUrl() {
        return products.isEmpty() ? Optional.empty() : products.get(0).baseApiUrl();
    }

    @Override
    public String sessionIdField() {
        return "userInfo.sessionId";
    }

    @Override
    public String serverUrlField() {
        return "products[0].baseApiUrl";
    }

    @Override
    public String toString() {
        return "V3LoginAnswer{userInfo=" + userInfo.map(UserInfo::toString).orElse("absent") + ", products=" + products + "}";
    }

    /** The v3 login's {@code userInfo}: the session id and who logged in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class UserInfo {
        private final Optional<Secret> sessionId;
        private final Optional<String> id;
        private final Optional<String> name;
        private final Optional<String> orgId;
        private final Optional<String> orgName;

        /**
         * @param sessionId the session id (sent as {@code INFA-SESSION-ID}; also valid as a v2 {@code icSessionId})
         * @param id the user's id
         * @param name the user name
         * @param orgId the organization's id
         * @param orgName the organization's name
         */
        @JsonCreator
        public UserInfo(@JsonProperty("sessionId") String sessionId, @JsonProperty("id") String id,
                @JsonProperty("name") String name, @JsonProperty("orgId") String orgId,
                @JsonProperty("orgName") String orgName) {
            this.sessionId = LoginAnswer.nonBlank(sessionId).map(Secret::of);
            this.id = LoginAnswer.nonBlank(id);
            this.name = LoginAnswer.nonBlank(name);
            this.orgId = LoginAnswer.nonBlank(orgId);
            this.orgName = LoginAnswer.nonBlank(orgName);
        }

        /** @return the session id */
        public Optional<Secret> sessionId() {
            return sessionId;
        }

        /** @return the user's id */
        public Optional<String> id() {
            return id;
        }

        /** @return the user name */
        public Optional<String> name() {
            return name;
        }

        /** @return the organization's id */
        public Optional<String> orgId() {
            return orgId;
        }

        /** @return the organization's name */
        public Optional<String> orgName() {
            return orgName;
        }

        @Override
        public String toString() {
            return "UserInfo{name=" + name.orElse("") + ", orgId=" + orgId.orElse("") + ", sessionId="
                    + (sessionId.isPresent() ? "present" : "absent") + "}";
        }
    }

    /** One entry of the v3 login's {@code products}: a licensed product and where its API is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Product {
        private final Optional<String> name;
        private final Optional<String> baseApiUrl;

        /**
         * @param name the product's name, e.g. {@code Integration Cloud}
         * @param baseApiUrl the URL its calls go to
         */
        @JsonCreator
        public Product(@JsonProperty("name") String name, @JsonProperty("baseApiUrl") String baseApiUrl) {
            this.name = LoginAnswer.nonBlank(name);
            this.baseApiUrl = LoginAnswer.nonBlank(baseApiUrl);
        }

        /** @return the product's name */
        public Optional<String> name() {
            return name;
        }

        /** @return the URL its calls go to */
        public Optional<String> baseApiUrl() {
            return baseApiUrl;
        }

        @Override
        public String toString() {
            return "Product{name=" + name.orElse("") + ", baseApiUrl=" + baseApiUrl.orElse("") + "}";
        }
    }
}
