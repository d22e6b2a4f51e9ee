"""Compulsory measures on things found at a visit (封存, 先行登记保存) and referrals of a case
to another department (移送), with their documents: the decision, the list handed to the party,
extension, release, the 移送书 and its 案卷清单, and the signed bundle of the case's evidence."""
