/**
 * The procurement console: server-rendered pages for people who buy the metals, served by this
 * service beside its API. The risk board, the element pages and the pages over subscriptions,
 * silences, alerts and deliveries read this service's own tables only; forms go through the same
 * validators and services as the API. Sign-in, sessions and CSRF protection cover every path that
 * is not the API, which keeps its bearer tokens and problem details unchanged.
 */
package io.lodestone.alert.console;
