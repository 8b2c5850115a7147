import { mayViewUsage, usageCookie } from '@/lib/usage/usage-access';

/** POST /usage/login: checks the admin token from the form and keeps it in an httpOnly, SameSite=Strict cookie. */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => undefined);
  const token = form?.get('token');
  const to = new URL('/usage', request.url);
  if (typeof token !== 'string' || !(await mayViewUsage(token))) {
    to.searchParams.set('denied', '1');
    return Response.redirect(to, 303);
  }
  const response = new Response(null, { status: 303, headers: { location: to.pathname } });
  response.headers.append('set-cookie', `${usageCookie}=${encodeURIComponent(token)}; Path=/usage; HttpOnly; SameSite=Strict; Max-Age=86400`);
  return response;
}
