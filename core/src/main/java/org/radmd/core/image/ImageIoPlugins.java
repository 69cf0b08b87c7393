package org.radmd.core.image;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.spi.IIORegistry;

/**
 * Keeps the JVM-wide ImageIO plug-in registry usable when radmd runs in a Flink session cluster.
 *
 * <p>ImageIO registers the plug-ins it finds (e.g. jai-imageio's JPEG 2000 reader, used for DICOM) once per JVM,
 * from the context class loader of the first thread that touches ImageIO. On a TaskManager that is the user-code
 * class loader of the first job; when that job ends (or restarts after a failure) Flink closes its class loader,
 * but the registry keeps the plug-ins, and the next job fails with {@code NoClassDefFoundError} (for instance
 * {@code com/github/jaiimageio/jpeg2000/impl/J2KMetadata}) when ImageIO picks one. {@link #refresh()} drops
 * plug-ins whose class loader can no longer load their own class file and registers those of the calling
 * thread's context class loader. Plug-ins of live class loaders (another running job, the JDK) are kept; when
 * nothing is stale the registry is left as it is.
 *
 * <p>Called once per class loader from {@link Images}' static initializer, so every job (and every restarted
 * attempt, which gets a fresh class loader) refreshes the registry before its first image is decoded. In a
 * single-JVM run it finds nothing stale and changes nothing. Thread-safe: one JVM-wide lock. Limitation: decoding
 * in another thread while a refresh drops stale plug-ins can still meet the registry mid-change; that window is
 * the set-up of a restarted job's first tasks.
 */
public final class ImageIoPlugins {
  private ImageIoPlugins() {}

  /**
   * Deregisters stale plug-ins and registers the context class loader's; returns how many were dropped.
   */
  public static int refresh() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    // One JVM-wide lock (IIORegistry.class is the JDK's, shared by every class loader): the registry's
    // iterators fail on concurrent changes, and several DoFn instances set up at once.
    synchronized (IIORegistry.class) {
      List<Object> stale = new ArrayList<>();
      for (Iterator<Class<?>> categories = registry.getCategories(); categories.hasNext(); ) {
        for (Iterator<?> it = registry.getServiceProviders(categories.next(), false); it.hasNext(); ) {
          Object provider = it.next();
          if (!loadable(provider.getClass())) {
            stale.add(provider);
          }
        }
      }
      if (stale.isEmpty()) {
        return 0; // nothing to do, and no change to the registry while other threads may be decoding
      }
      stale.forEach(registry::deregisterServiceProvider);
      registry.registerApplicationClasspathSpis();
      return stale.size();
    }
  }

  /** Whether {@code c}'s class loader still serves {@code c}'s class file (false once Flink closed it). */
  static boolean loadable(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    if (loader == null) {
      return true; // the JDK's own plug-ins
    }
    try {
      return loader.getResource(c.getName().replace('.', '/') + ".class") != null;
    } catch (RuntimeException e) {
      return false; // Flink's SafetyNetWrapperClassLoader throws IllegalStateException once released
    }
  }
}
