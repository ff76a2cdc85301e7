/**
 * JSON and CSV reading shared by every vendor module: one {@link dev.auditsdk.core.json.Json#mapper() ObjectMapper}
 * configuration and streaming readers that turn an {@link java.io.InputStream} into entries one at a time.
 */
package dev.auditsdk.core.json;
