import ArgumentParser

/// The options Query and Scan share: filter, projection, placeholders, limit and start key.
struct ReadOptions: ParsableArguments {
    @Option(help: "A FilterExpression, applied after the items are read.")
    var filter: String?

    @Option(help: "A ProjectionExpression: the attributes to show.")
    var projection: String?

    @Option(help: ##"ExpressionAttributeNames as JSON, e.g. '{"#n": "nome"}'."##)
    var names: String?

    @Option(help: #"ExpressionAttributeValues as DynamoDB JSON, e.g. '{":v": {"S": "NF-1"}}'."#)
    var values: String?

    @Option(help: "Read one page of at most N items (DynamoDB's Limit, applied before the filter); without it, every page is read.")
    var limit: Int?

    @Option(name: .customLong("start-key"), help: "Continue after this key (a previous page's LastEvaluatedKey, DynamoDB JSON).")
    var startKey: String?

    @Option(help: "Read a global secondary index instead of the table.")
    var index: String?
}
