package org.strongcities.fund.web.asof;

/** One contribution on the chosen date and now. */
public record BalanceRow(ContributionBalance then, ContributionBalance now) {

    public boolean changed() {
        return then.received().compareTo(now.received()) != 0 || then.committed().compareTo(now.committed()) != 0
                || then.disbursed().compareTo(now.disbursed()) != 0 || then.refunded().compareTo(now.refunded()) != 0;
    }
}
