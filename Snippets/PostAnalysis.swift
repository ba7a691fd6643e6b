// snippet.show
import ChartDrawClient
// snippet.hide
// Compiled by `swift build` (SwiftPM snippets); docs/api-client.md and the ChartDrawClient
// catalog show the visible part, and `SnippetTests` checks that what they show is this code.
import ChartDrawWire

let apiKeyFromYourSecretStore = "key"
let bodyBytes = Array(#"{"sender": "bot"}"#.utf8)
let patchBytes = bodyBytes
let community = "community", channel = "channel", id = "analysis"

let client = ChartDrawClient(
    configuration: ClientConfiguration(
        baseURL: "https://api.returning.ai", pathPrefix: "/v1",  // or the integration host + /apis/v1
        apiKey: APIKey(apiKeyFromYourSecretStore)))
let created = try await client.create(bodyBytes, communityId: community, channelId: channel)
print(created.analysisId ?? "(no id)", created.data)  // data: JSONValue, loosely decoded
let updated = try await client.update(analysisId: id, patchBytes)
print(updated.updatedFields ?? [])
