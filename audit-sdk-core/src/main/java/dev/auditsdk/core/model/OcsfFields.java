package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The OCSF attribute names (and the few fixed values) the renderer writes, each encoded once
 * (quoted, escaped, UTF-8) instead of at every event.
 */
final class OcsfFields {
    static final SerializableString ACTIVITY_ID = encoded("activity_id");
    static final SerializableString ACTIVITY_NAME = encoded("activity_name");
    static final SerializableString ACTOR = encoded("actor");
    static final SerializableString API = encoded("api");
    static final SerializableString APP_NAME = encoded("app_name");
    static final SerializableString CATEGORY_NAME = encoded("category_name");
    static final SerializableString CATEGORY_UID = encoded("category_uid");
    static final SerializableString CLASS_NAME = encoded("class_name");
    static final SerializableString CLASS_UID = encoded("class_uid");
    static final SerializableString CODE = encoded("code");
    static final SerializableString EMAIL_ADDR = encoded("email_addr");
    static final SerializableString ENTITY = encoded("entity");
    static final SerializableString EVENT_CODE = encoded("event_code");
    static final SerializableString HTTP_REQUEST = encoded("http_request");
    static final SerializableString IP = encoded("ip");
    static final SerializableString LABELS = encoded("labels");
    static final SerializableString LOG_NAME = encoded("log_name");
    static final SerializableString LOG_PROVIDER = encoded("log_provider");
    static final SerializableString LOGGERS = encoded("loggers");
    static final SerializableString MESSAGE = encoded("message");
    static final SerializableString METADATA = encoded("metadata");
    static final SerializableString NAME = encoded("name");
    static final SerializableString OPERATION = encoded("operation");
    static final SerializableString ORG = encoded("org");
    static final SerializableString PRODUCT = encoded("product");
    static final SerializableString PROFILES = encoded("profiles");
    static final SerializableString RESOURCES = encoded("resources");
    static final SerializableString RESPONSE = encoded("response");
    static final SerializableString SERVICE = encoded("service");
    static final SerializableString SEVERITY = encoded("severity");
    static final SerializableString SEVERITY_ID = encoded("severity_id");
    static final SerializableString SRC_ENDPOINT = encoded("src_endpoint");
    static final SerializableString STATUS = encoded("status");
    static final SerializableString STATUS_CODE = encoded("status_code");
    static final SerializableString STATUS_DETAIL = encoded("status_detail");
    static final SerializableString STATUS_ID = encoded("status_id");
    static final SerializableString TENANT_UID = encoded("tenant_uid");
    static final SerializableString TIME = encoded("time");
    static final SerializableString TIME_DT = encoded("time_dt");
    static final SerializableString TYPE = encoded("type");
    static final SerializableString TYPE_NAME = encoded("type_name");
    static final SerializableString TYPE_UID = encoded("type_uid");
    static final SerializableString UID = encoded("uid");
    static final SerializableString UNMAPPED = encoded("unmapped");
    static final SerializableString USER = encoded("user");
    static final SerializableString VENDOR_NAME = encoded("vendor_name");
    static final SerializableString VERSION = encoded("version");

    private OcsfFields() {
    }

    /**
     * @param text a name or a fixed value
     * @return it, encoded once
     */
    static SerializableString encoded(String text) {
        return new SerializedString(text);
    }
}
