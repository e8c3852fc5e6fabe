// Generated from the OpenAPI document by web/api-types.ts (npm run gen:api). Do not edit.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where to start: links to the API reference page, the OpenAPI document and the health check */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            description: string;
                            links: {
                                /** @description The API reference page (HTML). */
                                docs: string;
                                /** @description The OpenAPI 3.1 document. */
                                openapi: string;
                                /** @description Liveness. */
                                health: string;
                            };
                        };
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the table answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            status: "ok";
                        };
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API as OpenAPI 3.1 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            openapi: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API as a readable reference page (HTML rendered from the OpenAPI document) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Categories, areas, agencies and the enumerations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                            defaultLocale: string;
                            categories: {
                                id: string;
                                name: {
                                    vi: string;
                                    en: string;
                                };
                            }[];
                            areas: {
                                id: string;
                                name: {
                                    vi: string;
                                    en: string;
                                };
                            }[];
                            agencies: {
                                id: string;
                                name: string;
                            }[];
                            channels: string[];
                            sentiments: string[];
                            urgencies: string[];
                            reportStatuses: string[];
                            outcomes: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged")[];
                            caseStatuses: string[];
                            priorities: string[];
                            caseActions: {
                                action: string;
                                who: string[];
                                from: string[];
                                to: string | null;
                            }[];
                            calendar: {
                                weekend: string[];
                                endOfWorkingDay: string;
                                years: {
                                    [key: string]: {
                                        source: string;
                                        daysOff: {
                                            date: string;
                                            name: string;
                                        }[];
                                        workingDays: {
                                            date: string;
                                            reason: string;
                                        }[];
                                    };
                                };
                            };
                            escalation: {
                                steps: {
                                    id: string;
                                    at: {
                                        workingDays: number;
                                    };
                                    to: ("agency" | "agencyHead" | "deskLead")[];
                                }[];
                            };
                            files: {
                                maxPerReport: number;
                                maxPerCase: number;
                                maxBytes: number;
                                types: string[];
                            };
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reports (desk: all; reporter: own) */
        get: {
            parameters: {
                query?: {
                    date?: string;
                    status?: "new" | "linked" | "dismissed";
                    category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    area?: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                    urgency?: "normal" | "high" | "critical";
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id: string;
                                title: string;
                                summary: string;
                                category: string;
                                area: string;
                                /** @enum {string} */
                                channel: "social" | "press" | "community" | "hotline" | "other";
                                /** @enum {string} */
                                sentiment: "positive" | "neutral" | "negative";
                                /** @enum {string} */
                                urgency: "normal" | "high" | "critical";
                                sourceUrls: string[];
                                observedAt: string;
                                reach?: number;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                dismissReason?: string;
                                similarityGroup?: string;
                                submittedBy: string;
                                submittedAt: string;
                                updatedAt: string;
                                version: number;
                                fileCount?: number;
                            } | {
                                id: string;
                                title: string;
                                summary: string;
                                category: string;
                                area: string;
                                /** @enum {string} */
                                channel: "social" | "press" | "community" | "hotline" | "other";
                                /** @enum {string} */
                                sentiment: "positive" | "neutral" | "negative";
                                /** @enum {string} */
                                urgency: "normal" | "high" | "critical";
                                sourceUrls: string[];
                                observedAt: string;
                                reach?: number;
                                submittedAt: string;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                fileCount?: number;
                                possibleDuplicates?: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "new" | "linked" | "dismissed";
                                    caseId: string | null;
                                    /** @enum {string} */
                                    reason: "sameUrl" | "similarText";
                                    score?: number;
                                }[];
                                outcome?: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                                response?: string | null;
                                evidenceUrl?: string | null;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Submit a report */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Up to 128 visible ASCII characters. A retry with the same key and body replays the first response (Idempotent-Replayed: true); a different body → 422. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        summary: string;
                        /** @enum {string} */
                        category: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                        /** @enum {string} */
                        area: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                        /** @enum {string} */
                        channel: "social" | "press" | "community" | "hotline" | "other";
                        /** @enum {string} */
                        sentiment: "positive" | "neutral" | "negative";
                        /** @enum {string} */
                        urgency: "normal" | "high" | "critical";
                        /** @default [] */
                        sourceUrls?: string[];
                        /** Format: date-time */
                        observedAt: string;
                        reach?: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        /** @description `true` when this replays the first response to the key. */
                        "Idempotent-Replayed"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            channel: "social" | "press" | "community" | "hotline" | "other";
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            /** @enum {string} */
                            urgency: "normal" | "high" | "critical";
                            sourceUrls: string[];
                            observedAt: string;
                            reach?: number;
                            /** @enum {string} */
                            status: "new" | "linked" | "dismissed";
                            caseId: string | null;
                            dismissReason?: string;
                            similarityGroup?: string;
                            submittedBy: string;
                            submittedAt: string;
                            updatedAt: string;
                            version: number;
                            fileCount?: number;
                            possibleDuplicates: {
                                id: string;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                /** @enum {string} */
                                reason: "sameUrl" | "similarText";
                                score?: number;
                            }[];
                        } | {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            channel: "social" | "press" | "community" | "hotline" | "other";
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            /** @enum {string} */
                            urgency: "normal" | "high" | "critical";
                            sourceUrls: string[];
                            observedAt: string;
                            reach?: number;
                            submittedAt: string;
                            /** @enum {string} */
                            status: "new" | "linked" | "dismissed";
                            caseId: string | null;
                            fileCount?: number;
                            possibleDuplicates?: {
                                id: string;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                /** @enum {string} */
                                reason: "sameUrl" | "similarText";
                                score?: number;
                            }[];
                            outcome?: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                            response?: string | null;
                            evidenceUrl?: string | null;
                        };
                    };
                };
                /** @description The body, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still being stored; retry after Retry-After. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with a different body. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports list as CSV (its filters, plus lang), one part of at most export.maxRowsPerPart rows; Link rel="next" to the next part */
        get: {
            parameters: {
                query?: {
                    date?: string;
                    status?: "new" | "linked" | "dismissed";
                    category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    area?: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                    urgency?: "normal" | "high" | "critical";
                    q?: string;
                    cursor?: string;
                    lang?: "vi" | "en";
                };
                header?: {
                    /** @description vi or en for the column names when `lang` is not given; default vi. */
                    "Accept-Language"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description `attachment; filename="<list>-<local date>.csv"`. */
                        "Content-Disposition": string;
                        /** @description `<same query with cursor=…>; rel="next"` when another part follows. */
                        Link?: string;
                        /** @description The next part’s cursor (as in Link) when another part follows. */
                        "X-Export-Next"?: string;
                        /** @description The rows in this part. */
                        "X-Export-Rows": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The query, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report (reporter: own only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            channel: "social" | "press" | "community" | "hotline" | "other";
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            /** @enum {string} */
                            urgency: "normal" | "high" | "critical";
                            sourceUrls: string[];
                            observedAt: string;
                            reach?: number;
                            /** @enum {string} */
                            status: "new" | "linked" | "dismissed";
                            caseId: string | null;
                            dismissReason?: string;
                            similarityGroup?: string;
                            submittedBy: string;
                            submittedAt: string;
                            updatedAt: string;
                            version: number;
                            fileCount?: number;
                        } | {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            channel: "social" | "press" | "community" | "hotline" | "other";
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            /** @enum {string} */
                            urgency: "normal" | "high" | "critical";
                            sourceUrls: string[];
                            observedAt: string;
                            reach?: number;
                            submittedAt: string;
                            /** @enum {string} */
                            status: "new" | "linked" | "dismissed";
                            caseId: string | null;
                            fileCount?: number;
                            possibleDuplicates?: {
                                id: string;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                /** @enum {string} */
                                reason: "sameUrl" | "similarText";
                                score?: number;
                            }[];
                            outcome?: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                            response?: string | null;
                            evidenceUrl?: string | null;
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reports sharing a source URL with it or saying nearly the same within the similarity window */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                status: "new" | "linked" | "dismissed";
                                caseId: string | null;
                                similarityGroup: string;
                                submittedAt: string;
                                /** @enum {string} */
                                reason: "sameUrl" | "similarText";
                                score?: number;
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss, restore or link up to 100 reports, each done or refused on its own */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description link only, optional: the ETag (version) of the case; checked once before anything is written (412 when the case has moved on). */
                    "If-Match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        action: "dismiss";
                        reason: string;
                        ids: string[];
                    } | {
                        /** @constant */
                        action: "restore";
                        ids: string[];
                    } | {
                        /** @constant */
                        action: "link";
                        /** Format: ulid */
                        caseId: string;
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                id: string;
                                status: number;
                                report?: {
                                    id: string;
                                    title: string;
                                    summary: string;
                                    category: string;
                                    area: string;
                                    /** @enum {string} */
                                    channel: "social" | "press" | "community" | "hotline" | "other";
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    /** @enum {string} */
                                    urgency: "normal" | "high" | "critical";
                                    sourceUrls: string[];
                                    observedAt: string;
                                    reach?: number;
                                    /** @enum {string} */
                                    status: "new" | "linked" | "dismissed";
                                    caseId: string | null;
                                    dismissReason?: string;
                                    similarityGroup?: string;
                                    submittedBy: string;
                                    submittedAt: string;
                                    updatedAt: string;
                                    version: number;
                                    fileCount?: number;
                                };
                                problem?: {
                                    type: string;
                                    title: string;
                                    status: number;
                                    detail: string;
                                } & {
                                    [key: string]: unknown;
                                };
                            }[];
                            case?: {
                                id: string;
                                title: string;
                                summary: string;
                                category: string;
                                area: string;
                                /** @enum {string} */
                                priority: "normal" | "high" | "critical";
                                /** @enum {string} */
                                status: "open" | "verifying" | "responded" | "closed";
                                agencyId: string | null;
                                suggestedAgencyId: string | null;
                                dueAt: string | null;
                                assignedAt: string | null;
                                respondedAt: string | null;
                                responseSeconds: number | null;
                                finding: string | null;
                                response: string | null;
                                briefingId: string | null;
                                outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                                evidenceUrl: string | null;
                                reportIds: string[];
                                reportCount: number;
                                version: number;
                                openedAt: string;
                                updatedAt: string;
                                closedAt: string | null;
                                mergedInto?: string | null;
                                mergedCaseIds?: string[];
                                tags: string[];
                                responseTemplate: {
                                    /** Format: ulid */
                                    id: string;
                                    version: number;
                                } | null;
                                fileCount?: number;
                                overdue: boolean;
                            };
                        };
                    };
                };
                /** @description The body, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description link: the case is closed (currentStatus, mergedInto when merged). Each report’s own refusals are in its result, not here. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description link with If-Match: the case is at currentVersion (also in ETag); nothing was written. */
                412: {
                    headers: {
                        /** @description The current version. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss or restore a report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        action: "dismiss";
                        reason: string;
                    } | {
                        /** @constant */
                        action: "restore";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            channel: "social" | "press" | "community" | "hotline" | "other";
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            /** @enum {string} */
                            urgency: "normal" | "high" | "critical";
                            sourceUrls: string[];
                            observedAt: string;
                            reach?: number;
                            /** @enum {string} */
                            status: "new" | "linked" | "dismissed";
                            caseId: string | null;
                            dismissReason?: string;
                            similarityGroup?: string;
                            submittedBy: string;
                            submittedAt: string;
                            updatedAt: string;
                            version: number;
                            fileCount?: number;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The report’s status does not allow the action (currentStatus, allowedActions), it is linked to a case, or it changed meanwhile. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases (desk: all; agency: its own agency’s) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "verifying" | "responded" | "closed";
                    agency?: "transport-dept" | "environment-dept" | "health-dept" | "education-dept" | "construction-dept" | "police" | "district-1-pc" | "info-dept";
                    overdue?: "true" | "false";
                    category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    area?: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                    tag?: string;
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                summary: string;
                                category: string;
                                area: string;
                                /** @enum {string} */
                                priority: "normal" | "high" | "critical";
                                /** @enum {string} */
                                status: "open" | "verifying" | "responded" | "closed";
                                agencyId: string | null;
                                suggestedAgencyId: string | null;
                                dueAt: string | null;
                                assignedAt: string | null;
                                respondedAt: string | null;
                                responseSeconds: number | null;
                                finding: string | null;
                                response: string | null;
                                briefingId: string | null;
                                outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                                evidenceUrl: string | null;
                                reportIds: string[];
                                reportCount: number;
                                version: number;
                                openedAt: string;
                                updatedAt: string;
                                closedAt: string | null;
                                mergedInto?: string | null;
                                mergedCaseIds?: string[];
                                tags: string[];
                                responseTemplate: {
                                    /** Format: ulid */
                                    id: string;
                                    version: number;
                                } | null;
                                fileCount?: number;
                                overdue: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a case from 1–50 new reports */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reportIds: string[];
                        title?: string;
                        summary?: string;
                        /** @enum {string} */
                        category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                        /** @enum {string} */
                        area?: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                        /** @enum {string} */
                        priority?: "normal" | "high" | "critical";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            priority: "normal" | "high" | "critical";
                            /** @enum {string} */
                            status: "open" | "verifying" | "responded" | "closed";
                            agencyId: string | null;
                            suggestedAgencyId: string | null;
                            dueAt: string | null;
                            assignedAt: string | null;
                            respondedAt: string | null;
                            responseSeconds: number | null;
                            finding: string | null;
                            response: string | null;
                            briefingId: string | null;
                            outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                            evidenceUrl: string | null;
                            reportIds: string[];
                            reportCount: number;
                            version: number;
                            openedAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            mergedInto?: string | null;
                            mergedCaseIds?: string[];
                            tags: string[];
                            responseTemplate: {
                                /** Format: ulid */
                                id: string;
                                version: number;
                            } | null;
                            fileCount?: number;
                            overdue: boolean;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Some reports are not new: linked to a case or dismissed (reportIds, reports); or a concurrent write, retry after Retry-After. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases list as CSV (its filters, plus lang), one part of at most export.maxRowsPerPart rows; Link rel="next" to the next part */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "verifying" | "responded" | "closed";
                    agency?: "transport-dept" | "environment-dept" | "health-dept" | "education-dept" | "construction-dept" | "police" | "district-1-pc" | "info-dept";
                    overdue?: "true" | "false";
                    category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    area?: "district-1" | "district-3" | "binh-thanh" | "thu-duc" | "go-vap" | "citywide";
                    tag?: string;
                    q?: string;
                    cursor?: string;
                    lang?: "vi" | "en";
                };
                header?: {
                    /** @description vi or en for the column names when `lang` is not given; default vi. */
                    "Accept-Language"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description `attachment; filename="<list>-<local date>.csv"`. */
                        "Content-Disposition": string;
                        /** @description `<same query with cursor=…>; rel="next"` when another part follows. */
                        Link?: string;
                        /** @description The next part’s cursor (as in Link) when another part follows. */
                        "X-Export-Next"?: string;
                        /** @description The rows in this part. */
                        "X-Export-Rows": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The query, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its history and report ids; ETag is its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            priority: "normal" | "high" | "critical";
                            /** @enum {string} */
                            status: "open" | "verifying" | "responded" | "closed";
                            agencyId: string | null;
                            suggestedAgencyId: string | null;
                            dueAt: string | null;
                            assignedAt: string | null;
                            respondedAt: string | null;
                            responseSeconds: number | null;
                            finding: string | null;
                            response: string | null;
                            briefingId: string | null;
                            outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                            evidenceUrl: string | null;
                            reportIds: string[];
                            reportCount: number;
                            version: number;
                            openedAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            mergedInto?: string | null;
                            mergedCaseIds?: string[];
                            tags: string[];
                            responseTemplate: {
                                /** Format: ulid */
                                id: string;
                                version: number;
                            } | null;
                            fileCount?: number;
                            overdue: boolean;
                            history: {
                                at: string;
                                by: string;
                                /** @enum {string} */
                                role: "desk" | "agency";
                                /** @enum {string} */
                                action: "open" | "assign" | "respond" | "close" | "reopen" | "comment" | "link-reports" | "flag-briefing" | "unlink-report" | "merge" | "tag";
                                from: ("open" | "verifying" | "responded" | "closed") | null;
                                /** @enum {string} */
                                to: "open" | "verifying" | "responded" | "closed";
                                note: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                caseId?: string;
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One action on a case; If-Match required */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The ETag (version) of the case you read: 428 without it, 412 when the case has moved on. */
                    "If-Match": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        action: "assign";
                        /** @enum {string} */
                        agencyId: "transport-dept" | "environment-dept" | "health-dept" | "education-dept" | "construction-dept" | "police" | "district-1-pc" | "info-dept";
                        /** Format: date-time */
                        dueAt?: string;
                        dueInWorkingDays?: number;
                        note?: string;
                    } | {
                        /** @constant */
                        action: "respond";
                        finding: string;
                        response: string;
                        note?: string;
                        template?: {
                            /** Format: ulid */
                            id: string;
                            version: number;
                        };
                    } | {
                        /** @constant */
                        action: "close";
                        /** @enum {string} */
                        outcome: "clarified" | "corrected" | "resolved" | "unfounded" | "no-action";
                        note: string;
                        /** Format: uri */
                        evidenceUrl?: string;
                        template?: {
                            /** Format: ulid */
                            id: string;
                            version: number;
                        };
                    } | {
                        /** @constant */
                        action: "reopen";
                        reason: string;
                    } | {
                        /** @constant */
                        action: "comment";
                        note: string;
                    } | {
                        /** @constant */
                        action: "link-reports";
                        reportIds: string[];
                    } | {
                        /** @constant */
                        action: "flag-briefing";
                        briefingId: string | null;
                    } | {
                        /** @constant */
                        action: "unlink-report";
                        /** Format: ulid */
                        reportId: string;
                        reason: string;
                    } | {
                        /** @constant */
                        action: "merge";
                        /** Format: ulid */
                        intoCaseId: string;
                        intoVersion: number;
                        note?: string;
                    } | {
                        /** @constant */
                        action: "tag";
                        add?: string[];
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            summary: string;
                            category: string;
                            area: string;
                            /** @enum {string} */
                            priority: "normal" | "high" | "critical";
                            /** @enum {string} */
                            status: "open" | "verifying" | "responded" | "closed";
                            agencyId: string | null;
                            suggestedAgencyId: string | null;
                            dueAt: string | null;
                            assignedAt: string | null;
                            respondedAt: string | null;
                            responseSeconds: number | null;
                            finding: string | null;
                            response: string | null;
                            briefingId: string | null;
                            outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                            evidenceUrl: string | null;
                            reportIds: string[];
                            reportCount: number;
                            version: number;
                            openedAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                            mergedInto?: string | null;
                            mergedCaseIds?: string[];
                            tags: string[];
                            responseTemplate: {
                                /** Format: ulid */
                                id: string;
                                version: number;
                            } | null;
                            fileCount?: number;
                            overdue: boolean;
                        };
                    };
                };
                /** @description The body, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The case’s status does not allow the action (currentStatus, allowedActions); reports already on the case or not new (reportIds); the briefing is not scheduled; the cited template is retired or at another version (templateStatus, templateVersion); or a concurrent write, retry after Retry-After. unlink-report: the report is not on the case, or is its last report (close or merge instead). merge: either case closed or merged (intoStatus, mergedInto); a merged case cannot be reopened. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match names an older version: the case is at currentVersion (also in ETag). merge: `case` says which side is stale (merged: If-Match; survivor: intoVersion), with its currentVersion. */
                412: {
                    headers: {
                        /** @description The current version. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match is missing. */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Response templates by category (desk: all; agency: active ones) */
        get: {
            parameters: {
                query?: {
                    category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    status?: "active" | "retired";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                category: string;
                                title: string;
                                text: {
                                    vi: string;
                                    en: string;
                                };
                                /** @enum {string} */
                                status: "active" | "retired";
                                version: number;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a response template (category, title, text in vi and en) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                        title: string;
                        text: {
                            vi: string;
                            en: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            category: string;
                            title: string;
                            text: {
                                vi: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "active" | "retired";
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One response template with its history (agency: an active one, no history); ETag is its version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            category: string;
                            title: string;
                            text: {
                                vi: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "active" | "retired";
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            history: {
                                at: string;
                                by: string;
                                /** @enum {string} */
                                action: "create" | "edit" | "retire" | "restore";
                                version: number;
                                reason: string | null;
                                changes: {
                                    [key: string]: {
                                        before: unknown;
                                        after: unknown;
                                    };
                                };
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/templates/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** edit {title?, text?, category?}, retire {reason}, restore; If-Match required */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The ETag (version) of the template you read: 428 without it, 412 when it has moved on. */
                    "If-Match": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        action: "edit";
                        title?: string;
                        text?: {
                            vi: string;
                            en: string;
                        };
                        /** @enum {string} */
                        category?: "transport" | "environment" | "health" | "education" | "land-housing" | "public-order" | "misinformation" | "other";
                    } | {
                        /** @constant */
                        action: "retire";
                        reason: string;
                    } | {
                        /** @constant */
                        action: "restore";
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        /** @description The version, quoted: send it back as If-Match. */
                        ETag: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            category: string;
                            title: string;
                            text: {
                                vi: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "active" | "retired";
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body, a header is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The template’s status does not allow the action (currentStatus, allowedActions), or a concurrent write, retry after Retry-After. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match names an older version: the template is at currentVersion (also in ETag). */
                412: {
                    headers: {
                        /** @description The current version. */
                        ETag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description If-Match is missing. */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/summaries/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The daily summary of a local day (default: yesterday), as the email is built from it */
        get: {
            parameters: {
                query?: {
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            timeZone: string;
                            generatedAt: string;
                            reports: {
                                total: number;
                                byCategory: {
                                    id: string;
                                    count: number;
                                }[];
                                byArea: {
                                    id: string;
                                    count: number;
                                }[];
                                bySentiment: {
                                    positive: number;
                                    neutral: number;
                                    negative: number;
                                };
                                urgentCount: number;
                                urgent: {
                                    id: string;
                                    title: string;
                                    excerpt: string;
                                    /** @enum {string} */
                                    urgency: "high" | "critical";
                                    category: string;
                                    area: string;
                                    submittedAt: string;
                                    observedAt: string | null;
                                    caseId: string | null;
                                    caseStatus: ("open" | "verifying" | "responded" | "closed") | null;
                                }[];
                            };
                            hotIssues: {
                                /** @enum {string} */
                                kind: "case" | "source" | "topic";
                                key: string;
                                title: string;
                                category: string;
                                area: string;
                                reportCount: number;
                                reach: number;
                                reasons: ("most-reported" | "widest-reach")[];
                                caseId: string | null;
                            }[];
                            cases: {
                                opened: number;
                                closed: {
                                    total: number;
                                    byOutcome: {
                                        [key: string]: number;
                                    };
                                };
                                openByStatus: {
                                    open: number;
                                    verifying: number;
                                    responded: number;
                                };
                                overdueByAgency: {
                                    agencyId: string;
                                    agencyName: string;
                                    cases: {
                                        id: string;
                                        title: string;
                                        agencyId: string | null;
                                        agencyName: string | null;
                                        /** @enum {string} */
                                        status: "open" | "verifying" | "responded" | "closed";
                                        priority: ("normal" | "high" | "critical") | null;
                                        dueAt: string | null;
                                        daysOverdue: number;
                                    }[];
                                }[];
                                dueSoon: {
                                    id: string;
                                    title: string;
                                    agencyId: string | null;
                                    agencyName: string | null;
                                    /** @enum {string} */
                                    status: "open" | "verifying" | "responded" | "closed";
                                    priority: ("normal" | "high" | "critical") | null;
                                    dueAt: string | null;
                                }[];
                                responseTimeByAgency: {
                                    agencyId: string;
                                    agencyName: string;
                                    closedCount: number;
                                    medianResponseSeconds: number | null;
                                }[];
                            };
                            briefings: {
                                id: string;
                                title: string;
                                startsAt: string;
                                location: string;
                                /** @enum {string} */
                                kind: "regular" | "ad-hoc";
                            }[];
                            topics: {
                                /** @enum {string} */
                                kind: "case" | "source" | "group" | "area";
                                key: string;
                                title: string;
                                category: string;
                                area: string;
                                caseId: string | null;
                                reports: number;
                                reach: number;
                                baseline: {
                                    reports: number;
                                    reach: number;
                                };
                                /** @enum {string} */
                                mark: "new" | "rising" | "steady" | "cooling";
                            }[];
                            clarifications: {
                                caseId: string;
                                title: string;
                                /** @enum {string} */
                                outcome: "clarified" | "corrected";
                                agencyId: string | null;
                                agencyName: string | null;
                                evidenceUrl: string | null;
                                officialAt: string;
                                firstReportAt: string | null;
                                secondsToOfficialWord: number | null;
                                before: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                after: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                days: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                                /** @enum {string} */
                                verdict: "landed" | "spreading" | "too-early";
                            }[];
                            quiet: boolean;
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/summaries/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The weekly report of an ISO week (default: the last complete one), as its email is built from it */
        get: {
            parameters: {
                query?: {
                    week?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @enum {string} */
                                kind: "week" | "month";
                                id: string;
                                from: string;
                                to: string;
                                days: string[];
                            };
                            timeZone: string;
                            generatedAt: string;
                            reports: {
                                total: number;
                                reach: number;
                                byCategory: {
                                    id: string;
                                    count: number;
                                }[];
                                byArea: {
                                    id: string;
                                    count: number;
                                }[];
                                perDay: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                            };
                            cases: {
                                opened: {
                                    total: number;
                                    byCategory: {
                                        id: string;
                                        count: number;
                                    }[];
                                    byArea: {
                                        id: string;
                                        count: number;
                                    }[];
                                };
                                closed: {
                                    total: number;
                                    byOutcome: {
                                        [key: string]: number;
                                    };
                                };
                                byTag: {
                                    tag: string;
                                    key: string;
                                    cases: number;
                                }[];
                            };
                            agencies: {
                                agencyId: string;
                                agencyName: string;
                                responses: number;
                                medianResponseSeconds: number | null;
                                p90ResponseSeconds: number | null;
                                overdue: number;
                            }[];
                            topics: {
                                /** @enum {string} */
                                kind: "case" | "source" | "group" | "area";
                                key: string;
                                title: string | null;
                                category: string;
                                area: string;
                                reports: number;
                                reach: number;
                                days: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                            }[];
                            clarifications: {
                                caseId: string;
                                title: string;
                                /** @enum {string} */
                                outcome: "clarified" | "corrected";
                                agencyId: string | null;
                                agencyName: string | null;
                                evidenceUrl: string | null;
                                officialAt: string;
                                firstReportAt: string | null;
                                secondsToOfficialWord: number | null;
                                before: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                after: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                days: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                                /** @enum {string} */
                                verdict: "landed" | "spreading" | "too-early";
                            }[];
                            caseList: {
                                id: string;
                                title: string;
                                category: string;
                                area: string;
                                agencyId: string | null;
                                status: string;
                                outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                                openedAt: string;
                                closedAt: string | null;
                                dueAt: string | null;
                                respondedAt: string | null;
                                responseSeconds: number | null;
                                reports: number;
                                openedInPeriod: boolean;
                                closedInPeriod: boolean;
                                tags: string[];
                            }[];
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/summaries/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly report of a month (default: the last complete one), as its email is built from it */
        get: {
            parameters: {
                query?: {
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @enum {string} */
                                kind: "week" | "month";
                                id: string;
                                from: string;
                                to: string;
                                days: string[];
                            };
                            timeZone: string;
                            generatedAt: string;
                            reports: {
                                total: number;
                                reach: number;
                                byCategory: {
                                    id: string;
                                    count: number;
                                }[];
                                byArea: {
                                    id: string;
                                    count: number;
                                }[];
                                perDay: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                            };
                            cases: {
                                opened: {
                                    total: number;
                                    byCategory: {
                                        id: string;
                                        count: number;
                                    }[];
                                    byArea: {
                                        id: string;
                                        count: number;
                                    }[];
                                };
                                closed: {
                                    total: number;
                                    byOutcome: {
                                        [key: string]: number;
                                    };
                                };
                                byTag: {
                                    tag: string;
                                    key: string;
                                    cases: number;
                                }[];
                            };
                            agencies: {
                                agencyId: string;
                                agencyName: string;
                                responses: number;
                                medianResponseSeconds: number | null;
                                p90ResponseSeconds: number | null;
                                overdue: number;
                            }[];
                            topics: {
                                /** @enum {string} */
                                kind: "case" | "source" | "group" | "area";
                                key: string;
                                title: string | null;
                                category: string;
                                area: string;
                                reports: number;
                                reach: number;
                                days: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                            }[];
                            clarifications: {
                                caseId: string;
                                title: string;
                                /** @enum {string} */
                                outcome: "clarified" | "corrected";
                                agencyId: string | null;
                                agencyName: string | null;
                                evidenceUrl: string | null;
                                officialAt: string;
                                firstReportAt: string | null;
                                secondsToOfficialWord: number | null;
                                before: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                after: {
                                    days: number;
                                    reports: number;
                                    reach: number;
                                    reportsPerDay: number;
                                    reachPerDay: number;
                                };
                                days: {
                                    date: string;
                                    reports: number;
                                    reach: number;
                                }[];
                                /** @enum {string} */
                                verdict: "landed" | "spreading" | "too-early";
                            }[];
                            caseList: {
                                id: string;
                                title: string;
                                category: string;
                                area: string;
                                agencyId: string | null;
                                status: string;
                                outcome: ("clarified" | "corrected" | "resolved" | "unfounded" | "no-action" | "merged") | null;
                                openedAt: string;
                                closedAt: string | null;
                                dueAt: string | null;
                                respondedAt: string | null;
                                responseSeconds: number | null;
                                reports: number;
                                openedInPeriod: boolean;
                                closedInPeriod: boolean;
                                tags: string[];
                            }[];
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook endpoints (id, host, events; never the secret) and their latest deliveries (event, case, status, attempts, last error) */
        get: {
            parameters: {
                query?: {
                    endpoint?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            maxAttempts: number;
                            endpoints: {
                                id: string;
                                host: string;
                                events: ("case.opened" | "case.assigned" | "case.responded" | "case.closed" | "case.overdue")[];
                                deliveries: {
                                    endpointId: string;
                                    webhookId: string;
                                    /** @enum {string} */
                                    type: "case.opened" | "case.assigned" | "case.responded" | "case.closed" | "case.overdue";
                                    caseId: string;
                                    at: string;
                                    /** @enum {string} */
                                    state: "pending" | "delivered" | "failed" | "given-up";
                                    attempts: number;
                                    lastStatus: number | null;
                                    lastError: string | null;
                                    lastAttemptAt: string | null;
                                    nextAttemptAt: string | null;
                                    deliveredAt: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Briefings between two local dates (default: the next 60 days) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "regular" | "ad-hoc";
                                title: string;
                                startsAt: string;
                                startsAtLocal: string;
                                durationMinutes: number;
                                location: string;
                                /** @description Who is invited (press contacts): in the desk’s view only, absent for an agency. */
                                invitees?: string[];
                                /** @enum {string} */
                                status: "scheduled" | "cancelled";
                                sequence: number;
                                cancelReason: string | null;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description The query is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Schedule an ad-hoc briefing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** Format: date-time */
                        startsAt: string;
                        durationMinutes?: number;
                        location?: string;
                        invitees?: string[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "regular" | "ad-hoc";
                            title: string;
                            startsAt: string;
                            startsAtLocal: string;
                            durationMinutes: number;
                            location: string;
                            /** @description Who is invited (press contacts): in the desk’s view only, absent for an agency. */
                            invitees?: string[];
                            /** @enum {string} */
                            status: "scheduled" | "cancelled";
                            sequence: number;
                            cancelReason: string | null;
                            version: number;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One briefing with its agenda (agency: its own cases on it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "regular" | "ad-hoc";
                            title: string;
                            startsAt: string;
                            startsAtLocal: string;
                            durationMinutes: number;
                            location: string;
                            /** @description Who is invited (press contacts): in the desk’s view only, absent for an agency. */
                            invitees?: string[];
                            /** @enum {string} */
                            status: "scheduled" | "cancelled";
                            sequence: number;
                            cancelReason: string | null;
                            version: number;
                            agenda: {
                                caseId: string;
                                title: string;
                                status: string;
                                agencyId: string | null;
                                agencyName: string | null;
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** cancel {reason}, reschedule {startsAt}, invite {emails} */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        action: "cancel";
                        reason: string;
                    } | {
                        /** @constant */
                        action: "reschedule";
                        /** Format: date-time */
                        startsAt: string;
                    } | {
                        /** @constant */
                        action: "invite";
                        emails: string[];
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "regular" | "ad-hoc";
                            title: string;
                            startsAt: string;
                            startsAtLocal: string;
                            durationMinutes: number;
                            location: string;
                            /** @description Who is invited (press contacts): in the desk’s view only, absent for an agency. */
                            invitees?: string[];
                            /** @enum {string} */
                            status: "scheduled" | "cancelled";
                            sequence: number;
                            cancelReason: string | null;
                            version: number;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The briefing is cancelled or has started (currentStatus), or it changed meanwhile. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report’s files with short-lived signed links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                                size: number;
                                sha256: string;
                                width?: number;
                                height?: number;
                                pages?: number;
                                /** @enum {string} */
                                uploadedBy: "reporter" | "desk" | "agency";
                                createdAt: string;
                                source: {
                                    /** @enum {string} */
                                    kind: "report" | "case";
                                    id: string;
                                };
                                /** @description A signed GET link to the cleaned file, served inline under its name. */
                                url: string;
                                /** @description A signed link to the WebP thumbnail; null for PDFs. */
                                thumbnailUrl: string | null;
                                /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                                urlExpiresAt: string;
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ask for a form to upload one evidence file (name, type, size) to a report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The file’s name, shown to readers (cleaned: no path, no control characters). */
                        name: string;
                        /** @description The declared content type; one of `files.types`. */
                        type: string;
                        /** @description The exact number of bytes to upload; at most `files.maxBytes`. */
                        size: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fileId: string;
                            upload: {
                                /** @description POST a multipart form here: the fields, in order, then the `file` field last. */
                                url: string;
                                fields: {
                                    [key: string]: string;
                                };
                            };
                            /** @description The form is refused after this instant (`files.uploadTtlSeconds`). */
                            expiresAt: string;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The report has its files.maxPerReport files already (code `file-limit`, limit); or the report is dismissed or its case closed (code `owner-closed`, currentStatus). */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The type is not one of files.types (code `file-type-not-allowed`) or the size is over files.maxBytes (code `file-too-large`); errors name the field. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{id}/files/{fileId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check, clean and attach an uploaded file to the report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done already: the same resource as the first answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            width?: number;
                            height?: number;
                            pages?: number;
                            /** @enum {string} */
                            uploadedBy: "reporter" | "desk" | "agency";
                            createdAt: string;
                            source: {
                                /** @enum {string} */
                                kind: "report" | "case";
                                id: string;
                            };
                            /** @description A signed GET link to the cleaned file, served inline under its name. */
                            url: string;
                            /** @description A signed link to the WebP thumbnail; null for PDFs. */
                            thumbnailUrl: string | null;
                            /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                            urlExpiresAt: string;
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            width?: number;
                            height?: number;
                            pages?: number;
                            /** @enum {string} */
                            uploadedBy: "reporter" | "desk" | "agency";
                            createdAt: string;
                            source: {
                                /** @enum {string} */
                                kind: "report" | "case";
                                id: string;
                            };
                            /** @description A signed GET link to the cleaned file, served inline under its name. */
                            url: string;
                            /** @description A signed link to the WebP thumbnail; null for PDFs. */
                            thumbnailUrl: string | null;
                            /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                            urlExpiresAt: string;
                        };
                    };
                };
                /** @description This route takes no body, and one was sent. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Nothing uploaded with the form yet (code `upload-missing`); the limit reached meanwhile (code `file-limit`, limit); the report is dismissed or its case closed (code `owner-closed`, currentStatus); or a concurrent write, retry after Retry-After. 200 with the file when it was confirmed already. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The upload is refused and removed: more bytes than declared (`file-too-large`), not a kind taken (`file-type-not-allowed`), not the type declared (`file-type-mismatch`, detectedType, declaredType), or unreadable (`file-damaged`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s files, then its reports’ files, with short-lived signed links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                                size: number;
                                sha256: string;
                                width?: number;
                                height?: number;
                                pages?: number;
                                /** @enum {string} */
                                uploadedBy: "reporter" | "desk" | "agency";
                                createdAt: string;
                                source: {
                                    /** @enum {string} */
                                    kind: "report" | "case";
                                    id: string;
                                };
                                /** @description A signed GET link to the cleaned file, served inline under its name. */
                                url: string;
                                /** @description A signed link to the WebP thumbnail; null for PDFs. */
                                thumbnailUrl: string | null;
                                /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                                urlExpiresAt: string;
                            }[];
                        };
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ask for a form to upload one evidence file (name, type, size) to a case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The file’s name, shown to readers (cleaned: no path, no control characters). */
                        name: string;
                        /** @description The declared content type; one of `files.types`. */
                        type: string;
                        /** @description The exact number of bytes to upload; at most `files.maxBytes`. */
                        size: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fileId: string;
                            upload: {
                                /** @description POST a multipart form here: the fields, in order, then the `file` field last. */
                                url: string;
                                fields: {
                                    [key: string]: string;
                                };
                            };
                            /** @description The form is refused after this instant (`files.uploadTtlSeconds`). */
                            expiresAt: string;
                        };
                    };
                };
                /** @description The body is not valid; `errors` names each field as a JSON Pointer. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The case has its files.maxPerCase files already (code `file-limit`, limit); or the case is closed, or (an agency) not verifying or responded (code `owner-closed`, currentStatus). */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not sent as application/json. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The type is not one of files.types (code `file-type-not-allowed`) or the size is over files.maxBytes (code `file-too-large`); errors name the field. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/files/{fileId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check, clean and attach an uploaded file to the case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done already: the same resource as the first answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            width?: number;
                            height?: number;
                            pages?: number;
                            /** @enum {string} */
                            uploadedBy: "reporter" | "desk" | "agency";
                            createdAt: string;
                            source: {
                                /** @enum {string} */
                                kind: "report" | "case";
                                id: string;
                            };
                            /** @description A signed GET link to the cleaned file, served inline under its name. */
                            url: string;
                            /** @description A signed link to the WebP thumbnail; null for PDFs. */
                            thumbnailUrl: string | null;
                            /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                            urlExpiresAt: string;
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        /** @description The path of the new resource. */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            width?: number;
                            height?: number;
                            pages?: number;
                            /** @enum {string} */
                            uploadedBy: "reporter" | "desk" | "agency";
                            createdAt: string;
                            source: {
                                /** @enum {string} */
                                kind: "report" | "case";
                                id: string;
                            };
                            /** @description A signed GET link to the cleaned file, served inline under its name. */
                            url: string;
                            /** @description A signed link to the WebP thumbnail; null for PDFs. */
                            thumbnailUrl: string | null;
                            /** @description The links stop working after this instant (`files.urlTtlSeconds`). */
                            urlExpiresAt: string;
                        };
                    };
                };
                /** @description This route takes no body, and one was sent. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`. */
                401: {
                    headers: {
                        /** @description The bearer challenge (local server). */
                        "WWW-Authenticate"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "application/json": components["schemas"]["GatewayMessage"];
                    };
                };
                /** @description Signed in, but your role may not do this. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such resource, or one you may not see (a malformed id too). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Nothing uploaded with the form yet (code `upload-missing`); the limit reached meanwhile (code `file-limit`, limit); the case is closed, or (an agency) not verifying or responded (code `owner-closed`, currentStatus); or a concurrent write, retry after Retry-After. 200 with the file when it was confirmed already. */
                409: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 65536 bytes, the limit for every request (this route takes no body). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The upload is refused and removed: more bytes than declared (`file-too-large`), not a kind taken (`file-type-not-allowed`), not the type declared (`file-type-mismatch`, detectedType, declaredType), or unreadable (`file-damaged`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many writes from this caller; retry after Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request headers are too large; the server refuses the request before any route, without a body. */
                431: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The store is not answering; retry after Retry-After. */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying. */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An unexpected error (500): a bug, logged on our side; never an answer to client input. */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details; extension members as the status describes. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description 412: the version the case is at. */
            currentVersion?: number | null;
            /** @description 409: the status that refused the action. */
            currentStatus?: string;
            /** @description 409: the actions the current status allows. */
            allowedActions?: string[];
            /** @description 409: the reports in the way. */
            reportIds?: string[];
            /** @description 409: the reports in the way, with their status. */
            reports?: {
                id: string;
                status?: string;
            }[];
        };
        /** @description The body API Gateway itself answers with (on AWS only). */
        GatewayMessage: {
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
