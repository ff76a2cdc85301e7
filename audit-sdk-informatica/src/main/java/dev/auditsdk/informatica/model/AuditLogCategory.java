package dev.auditsdk.informatica.model;

/**
 * The documented values of an audit-log entry's {@link InformaticaAuditEntry#category() category}.
 * The category is an open string: Informatica adds codes as it adds services, so compare with
 * these constants rather than expecting only them.
 */
public final class AuditLogCategory {
    /** Administrator reports. */
    public static final String ADMIN_REPORT = "ADMIN_REPORT";
    /** Secure Agents. */
    public static final String AGENT = "AGENT";
    /** Subscription agreements. */
    public static final String AGREEMENT = "AGREEMENT";
    /** AI connections. */
    public static final String AI_CONNECTION = "AI_CONNECTION";
    /** AI service connectors. */
    public static final String AI_SERVICE_CONNECTOR = "AI_SERVICE_CONNECTOR";
    /** Authorization: logins, logouts. */
    public static final String AUTH = "AUTH";
    /** B2B Gateway customers. */
    public static final String B2BGW_CUSTOMER = "B2BGW_CUSTOMER";
    /** B2B Gateway monitoring. */
    public static final String B2BGW_MONITOR = "B2BGW_MONITOR";
    /** B2B Gateway suppliers. */
    public static final String B2BGW_SUPPLIER = "B2BGW_SUPPLIER";
    /** Bundles. */
    public static final String BUNDLE = "BUNDLE";
    /** Connections. */
    public static final String CONNECTION = "CONNECTION";
    /** Informatica Cloud Connectors. */
    public static final String CONNECTOR = "CONNECTOR";
    /** Mapplets. */
    public static final String CUSTOM_FUNC = "CUSTOM_FUNC";
    /** Saved queries. */
    public static final String CUSTOM_SOURCE = "CUSTOM_SOURCE";
    /** Files. */
    public static final String DATA_FILE = "DATA_FILE";
    /** Masking tasks. */
    public static final String DMASK = "DMASK";
    /** Domains. */
    public static final String DOMAIN = "DOMAIN";
    /** Data assessment tasks. */
    public static final String DQA = "DQA";
    /** Replication tasks. */
    public static final String DRS = "DRS";
    /** Synchronization tasks. */
    public static final String DSS = "DSS";
    /** Mappings. */
    public static final String DTEMPLATE = "DTEMPLATE";
    /** Informatica Cloud editions. */
    public static final String EDITION = "EDITION";
    /** Connections stored on a local Secure Agent. */
    public static final String EXT_CONNECTION = "EXT_CONNECTION";
    /** Guides. */
    public static final String GUIDE = "GUIDE";
    /** File ingestion tasks. */
    public static final String MI_TASK = "MI_TASK";
    /** Migrations. */
    public static final String MIGRATE = "MIGRATE";
    /** Mapping tasks. */
    public static final String MTT = "MTT";
    /** Object permissions. */
    public static final String OBJECT_ACL = "OBJECT_ACL";
    /** The organization. */
    public static final String ORG = "ORG";
    /** Changes of the organization's edition. */
    public static final String ORG_EDITION = "ORG_EDITION";
    /** Packages. */
    public static final String PACKAGE = "PACKAGE";
    /** PowerCenter tasks. */
    public static final String PCS = "PCS";
    /** Processes. */
    public static final String PROCESS = "PROCESS";
    /** Process objects. */
    public static final String PROCESS_OBJECT = "PROCESS_OBJECT";
    /** Runtime environments. */
    public static final String RUNTIME_ENVIRONMENT = "RUNTIME_ENVIRONMENT";
    /** Schedules. */
    public static final String SCHEDULE = "SCHEDULE";
    /** Schedule blackout periods. */
    public static final String SCHEDULE_BLACKOUT = "SCHEDULE_BLACKOUT";
    /** Sub-organizations. */
    public static final String SUB_ORG = "SUB_ORG";
    /** Subscription billing. */
    public static final String SUBSCRIPTION_BILLING = "SUBSCRIPTION_BILLING";
    /** System information. */
    public static final String SYSTEM_INFO = "SYSTEM_INFO";
    /** Taskflows. */
    public static final String TASKFLOW = "TASKFLOW";
    /** Users. */
    public static final String USER = "USER";
    /** User groups. */
    public static final String USER_GROUP = "USER_GROUP";
    /** Linear taskflows. */
    public static final String WORKFLOW = "WORKFLOW";

    private AuditLogCategory() {
    }
}
