package gpuroi.engine;

/** What the investor should do with a cluster. */
public enum Decision {
    /** Planned: owning beats renting at the hurdle rate. */
    BUY,
    /** Planned: renting the same GPU-hours is cheaper than owning them. */
    RENT,
    /** Owned: the remaining cash flows are worth more than a sale now. */
    HOLD,
    /** Owned: selling the hardware now is worth more than keeping it. */
    RESELL
}
