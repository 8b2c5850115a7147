import { gatewayErrorResponse } from '@/lib/gateway/openai-error';
import { gatewayCaller } from '@/lib/services/gateway-chat';
import { gatewayModels } from '@/lib/services/gateway-model-list';

/** GET /v1/models (also /openai/v1/models): the catalog and the flint/* aliases; needs a gateway key, as OpenAI's does. */
export async function GET(request: Request) {
  try {
    await gatewayCaller(request.headers);
    return Response.json(gatewayModels());
  } catch (error) {
    return gatewayErrorResponse(error);
  }
}
