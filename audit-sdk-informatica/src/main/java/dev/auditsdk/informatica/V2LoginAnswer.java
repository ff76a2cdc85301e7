package dev.auditsdk.informatica;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.auditsdk.core.auth.Secret;
import java.util.Optional;

/**
 * The answer of the v2 login ({@code POST /ma/api/v2/user/login}): the user object, of which the
 * SDK reads {@code icSessionId} (sent as the {@code icSessionId} header), {@code serverUrl} (where
 * every later call goes), and, for logs, {@code id}, {@code orgId}, {@code orgUuid} and
 * {@code name}. Other fields are ignored. {@link #toString()} never shows the session id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class V2LoginAnswer implements LoginAnswer {
    private final Optional<Secret> icSessionId;
    private final Optional<String> serverUrl;
    private final Optional<String> id;
    private final Optional<String> orgId;
    private final Optional<String> orgUuid;
    private final Optional<String> name;

    /**
     * @param icSessionId the session id
     * @param serverUrl the URL of later calls, e.g. {@code https://na4.dm-us.informaticacloud.com/saas}
     * @param id the user's id
     * @param orgId the organization's id
     * @param orgUuid the organization's UUID
     * @param name the user name
     */
    @JsonCreator
    public V2LoginAnswer(@JsonProperty("icSessionId") String icSessionId, @JsonProperty("serverUrl") String serverUrl,
            @JsonProperty("id") String id, @JsonProperty("orgId") String orgId, @JsonProperty("orgUuid") String orgUuid,
            @JsonProperty("name") String name) {
        this.icSessionId = LoginAnswer.nonBlank(icSessionId).map(Secret::of);
        this.serverUrl = LoginAnswer.nonBlank(serverUrl);
        this.id = LoginAnswer.nonBlank(id);
        this.orgId = LoginAnswer.nonBlank(orgId);
        this.orgUuid = LoginAnswer.nonBlank(orgUuid);
        this.name = LoginAnswer.nonBlank(name);
    }

    @Override
    public Optional<Secret> sessionId() {
        return icSessionId;
    }

    @Override
    public Optional<String> serverUrl() {
        return serverUrl;
    }

    @Override
    public String sessionIdField() {
        return "icSessionId";
    }

    @Override
    public String serverUrlField() {
        return "serverUrl";
    }

    /** @return the user's id */
    public Optional<String> id() {
        return id;
    }

    /** @return the organization's id */
    public Optional<String> orgId() {
        return orgId;
    }

    /** @return the organization's UUID */
    public Optional<String> orgUuid() {
        return orgUuid;
    }

    /** @return the user name */
    public Optional<String> name() {
        return name;
    }

    @Override
    public String toString() {
        return "V2LoginAnswer{name=" + name.orElse("") + ", orgId=" + orgId.orElse("") + ", serverUrl="
                + serverUrl.orElse("") + ", icSessionId=" + (icSessionId.isPresent() ? "present" : "absent") + "}";
    }
}
