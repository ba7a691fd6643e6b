import HTTPTypes
import Hummingbird
import Logging

/// Counts and times every request by route and status, turns errors thrown below into JSON
/// error bodies, tags each response with its request id, and writes one log line per request.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let state: ServerState

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let e as HTTPError {
            response = Responses.error(
                e.status, code: e.status == .notFound ? "not_found" : "http_error", e.body ?? e.status.reasonPhrase)
            if e.status == .notFound {
                if let allowed = Self.allowedMethod(request.uri.path) {
                    response = Responses.error(
                        .methodNotAllowed, code: "method_not_allowed",
                        "\(request.uri.path) takes \(allowed), not \(request.method); see /openapi.json.")
                    response.headers[.allow] = allowed
                } else {
                    response = Responses.error(
                        .notFound, code: "not_found",
                        "No route \(request.method) \(request.uri.path); see /openapi.json.")
                }
            }
            if e.status == .methodNotAllowed {
                response.headers[.allow] = e.headers[.allow]
            }
        } catch let e as any HTTPResponseError {
            response = Responses.error(e.status, code: "http_error", e.status.reasonPhrase)
        } catch {
            response = Responses.error(.internalServerError, code: "internal_error", "The request failed: \(error)")
        }
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        response.headers[.requestId] = context.id
        state.metrics.request(
            route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        if state.configuration.accessLog {
            var meta: Logger.Metadata = [
                "id": .string(context.id),
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "route": .string(route),
                "status": .string(String(response.status.code)),
                "ms": .string(Routes.ms(duration)),
            ]
            if let n = response.body.contentLength { meta["bytes"] = .string(String(n)) }
            if let cache = response.headers[.chartDrawCache] { meta["cache"] = .string(cache) }
            if let timing = response.headers[.serverTiming] {
                for part in timing.split(separator: ",") {
                    let kv = part.trimmingSpaces.split(separator: ";")
                    if kv.count == 2, kv[1].hasPrefix("dur=") {
                        meta[String(kv[0]) + "_ms"] = .string(String(kv[1].dropFirst(4)))
                    }
                }
            }
            context.logger.info("request", metadata: meta)
        }
        return response
    }

    /// The method a known path takes, when the router found no route for the method asked.
    static func allowedMethod(_ path: String) -> String? {
        switch path {
        case "/healthz", "/readyz", "/metrics", "/openapi.json": return "GET"
        case "/v1/validate", "/v1/render": return "POST"
        default:
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 4, parts[1] == "v1", parts[2] == "payload", !parts[3].isEmpty { return "POST" }
            return nil
        }
    }
}
