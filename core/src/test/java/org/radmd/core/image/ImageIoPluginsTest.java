package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import org.junit.jupiter.api.Test;

/**
 * A plug-in registered from a class loader that was closed since (as Flink closes a finished job's user-code
 * class loader) is dropped by {@link ImageIoPlugins#refresh()}; live plug-ins stay.
 */
class ImageIoPluginsTest {
  private static final String J2K_SPI = "com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi";

  @Test
  void pluginOfAClosedClassLoaderIsDroppedAndLiveOnesStay() throws Exception {
    Class<?> appSpi = Class.forName(J2K_SPI); // jai-imageio-jpeg2000 is on the test classpath
    URL jar = appSpi.getProtectionDomain().getCodeSource().getLocation();
    URL core = Class.forName("com.github.jaiimageio.impl.common.PackageUtil").getProtectionDomain().getCodeSource()
        .getLocation(); // jai-imageio-core, which the J2K plug-in needs
    IIORegistry registry = IIORegistry.getDefaultInstance();
    Object foreign;
    try (URLClassLoader job = new URLClassLoader(new URL[] {jar, core}, null)) { // like a job's child-first loader
      foreign = job.loadClass(J2K_SPI).getDeclaredConstructor().newInstance();
      registry.registerServiceProvider(foreign);
      assertTrue(registered(registry, foreign));
      assertEquals(0, ImageIoPlugins.refresh(), "nothing stale while the loader is open");
      assertTrue(registered(registry, foreign), "a live loader's plug-in is kept");
    }
    assertFalse(ImageIoPlugins.loadable(foreign.getClass()), "closed loader");
    assertTrue(ImageIoPlugins.refresh() >= 1);
    assertFalse(registered(registry, foreign), "the closed loader's plug-in is gone");
    assertTrue(ImageIO.getImageReadersByFormatName("jpeg2000").hasNext(), "the application's J2K reader stays");
    assertTrue(ImageIO.getImageReadersByFormatName("png").hasNext(), "JDK plug-ins stay");
  }

  private static boolean registered(IIORegistry registry, Object provider) {
    for (Iterator<ImageReaderSpi> it = registry.getServiceProviders(ImageReaderSpi.class, false); it.hasNext(); ) {
      if (it.next() == provider) {
        return true;
      }
    }
    return false;
  }
}
