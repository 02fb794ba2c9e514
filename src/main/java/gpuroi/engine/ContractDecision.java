package gpuroi.engine;

/** What a lessee should do with a rental contract. */
public enum ContractDecision {
    /** Pay on as agreed; GPUs not needed stay idle. */
    KEEP,
    /** Pay on, and sublease the idle GPUs on a marketplace. */
    RESELL_CAPACITY,
    /** Pay the termination fee now and rent the GPUs still needed at the market price. */
    TERMINATE;

    /** "KEEP", "RESELL CAPACITY", "TERMINATE": the decision as sheets, memos and the console show it. */
    public String label() {
        return name().replace('_', ' ');
    }
}
