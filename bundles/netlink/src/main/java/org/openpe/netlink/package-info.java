/**
 * Linux rtnetlink for OpenPE: links, addresses, routes, named network namespaces, per-namespace sysctls and
 * link/address events, spoken directly to the kernel (no {@code ip} processes). Start at {@link org.openpe.netlink.Netlink}.
 */
@Export
@Version("1.1.0")
package org.openpe.netlink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
