/**
 * What users see of the HTTP traffic: a {@link dev.auditsdk.core.http.TransportListener} is told of
 * every attempt, answer and retry, each described by an {@link dev.auditsdk.core.http.HttpRequestInfo}
 * (method, URL, {@link dev.auditsdk.core.http.Operation}). The transport itself is machinery
 * ({@code dev.auditsdk.core.spi.http}).
 */
package dev.auditsdk.core.http;
