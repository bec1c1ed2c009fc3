package org.openpe.core.validation;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.openpe.api.model.Cidr;

/** {@link InterfaceAddresses} of the host namespace, through {@link NetworkInterface}. */
public final class NetworkInterfaceAddresses implements InterfaceAddresses {

    @Override
    public Optional<List<Cidr>> addresses(String interfaceName) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                return Optional.empty();
            }
            return Optional.of(nic.getInterfaceAddresses().stream()
                    .map(a -> new Cidr(a.getAddress(), a.getNetworkPrefixLength()))
                    .toList());
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
