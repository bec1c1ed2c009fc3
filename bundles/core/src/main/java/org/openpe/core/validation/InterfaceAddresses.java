package org.openpe.core.validation;

import java.util.List;
import java.util.Optional;
import org.openpe.api.model.Cidr;

/** Reads the addresses of a host interface; a seam so node index derivation is testable. */
public interface InterfaceAddresses {

    /** Each address of the interface with its prefix length; empty when there is no such interface. */
    Optional<List<Cidr>> addresses(String interfaceName);
}
