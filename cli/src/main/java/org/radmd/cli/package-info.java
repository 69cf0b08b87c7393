/** The {@code radmd} command line (picocli): {@code build}, {@code search}. */
package org.radmd.cli;
