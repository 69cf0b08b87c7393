/**
 * {@code radmd serve}: a {@link org.radmd.radfm.RadfmBackend} over HTTP ({@link org.radmd.radfm.serve.ModelServer}:
 * {@code POST /v1/generate}, {@code POST /v1/score}, {@code GET /healthz}) with request limits and image path guards.
 */
package org.radmd.radfm.serve;
