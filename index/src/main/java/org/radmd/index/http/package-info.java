/**
 * The radmd search service: a small HTTP server on the JDK's {@code com.sun.net.httpserver} that answers a JSON
 * API over a {@link org.radmd.index.CaseSearcher}, serves the stored images of the build output and a one-page
 * web interface.
 *
 * <ul>
 *   <li>{@link org.radmd.index.http.SearchServer} binds, routes and owns the worker pool.
 *   <li>{@code ApiHandler} answers {@code /api/search}, {@code /api/case/{id}}, {@code /api/similar/{id}},
 *       {@code /api/suggest} and {@code /api/volume/{id}/{image}/slice/{z}.png}.
 *   <li>{@code FileHandler} serves PNGs under {@code medmd/images} and {@code medmd/volumes} only.
 *   <li>{@code StaticHandler} serves the web page from class-path resources.
 *   <li>{@code GuardedHandler} applies the request limits (methods, URI length) and turns errors into JSON.
 * </ul>
 *
 * <p>Everything it serves is research data, not for clinical use. Null policy: nothing is null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.radmd.index.http;

import org.jspecify.annotations.NullMarked;
