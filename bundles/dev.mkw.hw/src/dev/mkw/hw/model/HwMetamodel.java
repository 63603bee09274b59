package dev.mkw.hw.model;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * The hardware metamodel (model/hw.ecore, generated as {@link HwPackage}) and resource sets
 * that read machine XMI files with it, in OSGi and as plain jars alike (the package is put
 * into each resource set, so nothing depends on the global registry).
 */
public final class HwMetamodel {
    public static final String NS_URI = "http://mkw.dev/hw/1.0";

    private HwMetamodel() {}

    public static EPackage get() {
        return HwPackage.eINSTANCE;
    }

    /** A resource set that reads and writes machine XMI files. */
    public static ResourceSet newResourceSet() {
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
        rs.getPackageRegistry().put(NS_URI, HwPackage.eINSTANCE);
        return rs;
    }
}
