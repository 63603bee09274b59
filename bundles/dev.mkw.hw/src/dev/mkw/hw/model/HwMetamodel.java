package dev.mkw.hw.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * The hardware metamodel (model/hw.ecore), loaded once. MKW reads machine models through
 * EMF's reflective API against this package, so the same code reads presets shipped here,
 * presets contributed by plugins, and machines a user describes in XMI.
 */
public final class HwMetamodel {
    public static final String NS_URI = "http://mkw.dev/hw/1.0";
    private static EPackage pkg;

    private HwMetamodel() {}

    public static synchronized EPackage get() {
        if (pkg == null) {
            ResourceSet rs = new ResourceSetImpl();
            rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
            Resource r = rs.createResource(URI.createURI("platform:/mkw/hw.ecore"));
            try (InputStream in = HwMetamodel.class.getResourceAsStream("/model/hw.ecore")) {
                if (in == null) throw new IllegalStateException("model/hw.ecore is missing from dev.mkw.hw");
                r.load(in, Map.of());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read model/hw.ecore: " + e.getMessage(), e);
            }
            pkg = (EPackage) r.getContents().get(0);
        }
        return pkg;
    }

    /** A resource set that reads machine XMI files. */
    public static ResourceSet newResourceSet() {
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
        rs.getPackageRegistry().put(NS_URI, get());
        return rs;
    }
}
