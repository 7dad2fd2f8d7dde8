import { ApiProperty } from '@nestjs/swagger';

// A live session as the signed-in user and an admin see it (auth's and users' routes).
export class SessionDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String, description: 'ブラウザ（User-Agent）' }) device: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastSeenAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'この要求のセッション' }) current: boolean;
}
