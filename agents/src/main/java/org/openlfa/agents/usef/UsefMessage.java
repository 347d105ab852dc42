package org.openlfa.agents.usef;

/** The UFTP messages exchanged between a grid operator (DSO) and an aggregator. */
public sealed interface UsefMessage permits FlexRequest, FlexOffer, FlexOrder, FlexSettlement {

    /** The common attributes. */
    UftpHeader header();
}
